using System.CommandLine;
using Airlock.Cli.Input;
using Airlock.Cli.Validation;

namespace Airlock.Cli.Commands.Policy;

/// <summary><c>airlock policy validate</c>: syntax and, with a schema, type errors in policy files.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var policies = PolicyOptions.Policies();
        var schema = PolicyOptions.Schema();
        var output = PolicyOptions.Output();
        var command = new Command(
            "validate",
            "Check policies for syntax errors and, with --schema, for type errors; every problem is printed as file:line:column.\n\n" +
            "Exit codes: 0 valid; 1 invalid; 2 bad usage or unreadable input (missing file, invalid schema).")
        {
            policies,
            schema,
            output,
        };

        command.SetAction(parse => CommandRunner.Run(parse, io =>
        {
            var schemaPath = parse.GetValue(schema);
            var loadedSchema = schemaPath is null ? null : SchemaFile.Load(schemaPath, "--schema");
            var loaded = PolicyCollection.Load(parse.GetRequiredValue(policies), "--policies");
            var report = PolicyValidation.Run(loaded, loadedSchema);
            if (PolicyOptions.FormatOf(parse, output) == OutputFormat.Json)
            {
                ValidateOutput.WriteJson(io.Out, report, loaded, schemaPath);
            }
            else
            {
                ValidateOutput.WriteText(io.Out, report, schemaPath);
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.Invalid;
        }));
        return command;
    }
}
