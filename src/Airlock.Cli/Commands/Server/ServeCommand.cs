using System.CommandLine;
using Airlock.Cli.Input;
using Airlock.Gateway.Hosting;

namespace Airlock.Cli.Commands.Server;

/// <summary><c>airlock serve</c>: runs the data plane and the admin plane until interrupted.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var defaults = new GatewayOptions();
        var dataDir = ServerOptions.DataDirectory();
        var listen = new Option<string>("--listen") { Description = $"Data-plane address (default {defaults.Listen}).", DefaultValueFactory = _ => defaults.Listen };
        var adminListen = new Option<string>("--admin-listen") { Description = $"Admin API address (default {defaults.AdminListen}).", DefaultValueFactory = _ => defaults.AdminListen };
        var policies = new Option<string?>("--policies") { Description = "Directory of Cedar policies." };
        var config = new Option<string?>("--config") { Description = "Service config file (JSON, docs/config.md), applied at start." };
        var checkpointFile = new Option<string?>("--audit-checkpoint-file")
        {
            Description = "Also append every signed audit checkpoint to this file, kept outside the data directory (verify against it with `airlock audit verify --checkpoint-file`).",
        };
        var durability = new Option<string>("--audit-durability")
        {
            Description = "When an audit record is sealed: os (written to the operating system; survives a crash or kill of Airlock) or disk (also fsynced; survives power loss, slower). Default os.",
            DefaultValueFactory = _ => "os",
        };
        var maxTtl = new Option<string>("--max-session-ttl") { Description = "Longest session an operator may start (default 12h).", DefaultValueFactory = _ => "12h" };
        var command = new Command("serve", "Run Airlock: the data plane agents call and the admin API, on separate listeners.")
        {
            dataDir, listen, adminListen, policies, config, checkpointFile, durability, maxTtl,
        };
        command.SetAction(parse => CommandRunner.Run(parse, io =>
        {
            var policiesDirectory = parse.GetValue(policies);
            if (policiesDirectory is not null && !Directory.Exists(policiesDirectory))
            {
                throw new UsageException($"--policies {policiesDirectory}: no such directory");
            }

            var options = new GatewayOptions
            {
                DataDirectory = parse.GetValue(dataDir)!,
                Listen = parse.GetValue(listen)!,
                AdminListen = parse.GetValue(adminListen)!,
                PoliciesDirectory = policiesDirectory,
                ConfigFile = parse.GetValue(config),
                MaxSessionTtl = DurationParser.Parse(parse.GetValue(maxTtl)!, "--max-session-ttl"),
                Audit = new Core.Audit.AuditOptions
                {
                    CheckpointFile = parse.GetValue(checkpointFile),
                    Durability = parse.GetValue(durability) switch
                    {
                        "os" => Core.Audit.AuditDurability.OperatingSystem,
                        "disk" => Core.Audit.AuditDurability.Disk,
                        var other => throw new UsageException($"--audit-durability {other}: must be os or disk"),
                    },
                    OnWarning = (message, _) => Console.Error.WriteLine($"airlock: audit: {message}"),
                },
            };
            try
            {
                return RunAsync(options, io).GetAwaiter().GetResult();
            }
            catch (StartupException e)
            {
                throw new UsageException(e.Message);
            }
        }));
        return command;
    }

    private static async Task<int> RunAsync(GatewayOptions options, CommandIo io)
    {
        using var stop = new StopSignal();

        // Bad addresses are refused before anything is created on disk.
        _ = ListenAddress.Parse(options.Listen, "--listen");
        _ = ListenAddress.Parse(options.AdminListen, "--admin-listen");
        if (!Directory.Exists(options.DataDirectory))
        {
            // First run with no data directory: initialize it, so `airlock serve` alone is enough to start.
            var rootToken = await DataDirectoryInitializer.InitializeAsync(options.DataDirectory, TimeProvider.System, stop.Token).ConfigureAwait(false);
            io.Error.WriteLine($"airlock: initialized a new data directory {Path.GetFullPath(options.DataDirectory)}; the root admin token is shown only this once:");
            io.Out.WriteLine($"export AIRLOCK_ADMIN_TOKEN={rootToken}");
        }

        await using var runtime = await GatewayRuntime.OpenAsync(options, TimeProvider.System, stop.Token).ConfigureAwait(false);
        await using var server = await GatewayServer.StartAsync(runtime, stop.Token).ConfigureAwait(false);
        io.Out.WriteLine($"airlock: data plane listening on {server.DataPlaneAddress}");
        io.Out.WriteLine($"airlock: admin API listening on {server.AdminAddress}");
        io.Out.WriteLine($"airlock: data directory {Path.GetFullPath(options.DataDirectory)}; stop with Ctrl+C");
        io.Out.Flush();
        await stop.WaitAsync().ConfigureAwait(false);
        io.Error.WriteLine("airlock: stopping");
        return ExitCodes.Success;
    }
}
