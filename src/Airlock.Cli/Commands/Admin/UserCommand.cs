using System.CommandLine;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock user</c>: add (or update the groups of) and list the users agents may act for.</summary>
internal static class UserCommand
{
    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("user", "Register the users agents may act for, with the groups policies see.")
        {
            Add(),
            List(),
        };

    private static Command Add()
    {
        var id = new Argument<string>("ID") { Description = "The user id: letters, digits, `_`, `.`, `@` or `-`, e.g. alice@example.com." };
        var group = AgentCommand.GroupOption();
        var command = new Command(
            "add",
            $"Register a user, or set an existing user's groups to exactly the --group values given (none: no groups).\n\n{ExitCodes.AdminHelpText}")
        {
            id, group,
        };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var user = AdminNames.Identity(parse.GetRequiredValue(id), "ID", "user id");
            var response = await call.Client.PutUserAsync(user, AgentCommand.Groups(parse, group), ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            new KeyValueList()
                .Add("id", response.Value.Id)
                .Add("groups", TextTable.List(response.Value.Groups))
                .Add("created", TextTable.Time(response.Value.Created))
                .Write(call.Io.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", $"List the users.\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListUsersAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("ID", "GROUPS", "CREATED");
            foreach (var u in response.Value)
            {
                table.Add(u.Id, TextTable.List(u.Groups), TextTable.Time(u.Created));
            }

            table.Write(call.Io.Out, "no users");
            return ExitCodes.Success;
        });
        return command;
    }
}
