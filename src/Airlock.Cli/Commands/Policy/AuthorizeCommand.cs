using System.CommandLine;
using Airlock.Cedar;
using Airlock.Cli.Input;

namespace Airlock.Cli.Commands.Policy;

/// <summary><c>airlock policy authorize</c>: evaluates one request against policy files, as the gateway would.</summary>
internal static class AuthorizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var policies = PolicyOptions.Policies();
        var schema = PolicyOptions.Schema();
        var entities = new Option<string?>("--entities", "-e")
        {
            Description = "Entities in Cedar's JSON format: an array of {\"uid\", \"attrs\", \"parents\"}.",
            HelpName = "FILE",
        };
        var principal = UidOption("--principal", "The principal, such as 'User::\"alice\"'.");
        var action = UidOption("--action", "The action, such as 'Action::\"read\"'.");
        var resource = UidOption("--resource", "The resource, such as 'Doc::\"d1\"'.");
        var context = new Option<string?>("--context", "-c")
        {
            Description = "The context record: inline JSON, or @FILE to read it from a file.",
            HelpName = "JSON|@FILE",
        };
        var output = PolicyOptions.Output();
        var command = new Command(
            "authorize",
            "Decide one request (principal, action, resource, context) against the policies and show the policies that determined it. " +
            "With --schema, entities and context are read by their declared types and the request must fit the schema.\n\n" +
            "Exit codes: 0 allow; 3 deny; 2 bad usage or input (missing file, bad entity uid, invalid policies, entities or context).")
        {
            policies, schema, entities, principal, action, resource, context, output,
        };

        command.SetAction(parse => CommandRunner.Run(parse, io =>
        {
            // Cheap checks first, so a typo in a uid is reported before any file is read.
            var principalUid = EntityUidParser.Parse(parse.GetRequiredValue(principal), "--principal");
            var actionUid = EntityUidParser.Parse(parse.GetRequiredValue(action), "--action");
            var resourceUid = EntityUidParser.Parse(parse.GetRequiredValue(resource), "--resource");
            var schemaPath = parse.GetValue(schema);
            var loadedSchema = schemaPath is null ? null : SchemaFile.Load(schemaPath, "--schema");
            var loaded = PolicyCollection.Load(parse.GetRequiredValue(policies), "--policies");
            if (!loaded.Parsed)
            {
                throw new UsageException(
                    "--policies: the policies have syntax errors",
                    "fix them first; `airlock policy validate` lists every problem",
                    [.. loaded.SyntaxErrors]);
            }

            if (loadedSchema is not null)
            {
                RequestInputs.CheckActionDeclared(actionUid, loadedSchema, schemaPath!);
            }

            var entitySet = RequestInputs.LoadEntities(parse.GetValue(entities), loadedSchema, "--entities");
            var contextRecord = RequestInputs.LoadContext(parse.GetValue(context), loadedSchema, actionUid, "--context");
            var request = new Request(principalUid, actionUid, resourceUid, contextRecord);
            if (loadedSchema is not null)
            {
                RequestInputs.CheckAgainstSchema(request, loadedSchema, schemaPath!);
            }

            var response = Authorizer.IsAuthorized(request, loaded.ToPolicySet(), entitySet);
            if (PolicyOptions.FormatOf(parse, output) == OutputFormat.Json)
            {
                AuthorizeOutput.WriteJson(io.Out, response, loaded);
            }
            else
            {
                AuthorizeOutput.WriteText(io.Out, response, loaded);
            }

            return response.IsAllowed ? ExitCodes.Success : ExitCodes.Deny;
        }));
        return command;
    }

    private static Option<string> UidOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "UID",
        Required = true,
    };
}
