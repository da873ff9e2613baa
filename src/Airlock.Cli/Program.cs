using Airlock.Cli;

return AirlockCommandLine.Run(args);
