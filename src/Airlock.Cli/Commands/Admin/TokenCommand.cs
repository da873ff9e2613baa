using System.CommandLine;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock token</c>: create, list and revoke named admin tokens.</summary>
internal static class TokenCommand
{
    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("token", "Create, list and revoke named admin tokens (for CI jobs, other operators).")
        {
            CreateToken(),
            List(),
            Revoke(),
        };

    private static Command CreateToken()
    {
        var name = new Option<string>("--name") { Description = "A name for the token, e.g. ci-deploy.", HelpName = "NAME", Required = true };
        var ttl = new Option<string>("--ttl") { Description = "How long it lives, e.g. 1h, 7d.", HelpName = "DURATION", Required = true };
        var command = new Command(
            "create",
            "Create an admin token and print it: only the token in table mode, so TOKEN=$(airlock token create …) works; " +
            $"the full answer with --output json. The text is shown only this once.\n\n{ExitCodes.AdminHelpText}")
        {
            name, ttl,
        };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var tokenName = Name(parse.GetRequiredValue(name), "--name");
            var lifetime = DurationParser.Parse(parse.GetRequiredValue(ttl), "--ttl");
            var response = await call.Client.CreateTokenAsync(tokenName, lifetime, ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
            }
            else
            {
                call.Io.Out.WriteLine(response.Value.Token);
            }

            return ExitCodes.Success;
        }, new AdminHints(Conflict: "a token with this name exists; `airlock token list` shows the tokens"));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", $"List the admin tokens (never their text).\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListTokensAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("ID", "NAME", "ROOT", "CREATED", "EXPIRES", "REVOKED");
            foreach (var t in response.Value)
            {
                table.Add(t.Id, t.Name, t.Root ? "yes" : "no", TextTable.Time(t.Created), TextTable.Time(t.Expires), AdminJsonValues.TimeOrFlag(t.Revoked));
            }

            table.Write(call.Io.Out, "no admin tokens");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke()
    {
        var token = new Argument<string>("ID_OR_NAME") { Description = "The token's id or name (as `airlock token list` shows them)." };
        var command = new Command("revoke", $"Revoke an admin token. The root token cannot be revoked this way.\n\n{ExitCodes.AdminHelpText}") { token };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var idOrName = Name(parse.GetRequiredValue(token), "ID_OR_NAME");
            await call.Client.RevokeTokenAsync(idOrName, ct).ConfigureAwait(false);
            if (!call.Json)
            {
                call.Io.Out.WriteLine($"revoked admin token `{idOrName}`");
            }

            return ExitCodes.Success;
        }, new AdminHints(NotFound: "`airlock token list` shows the tokens"));
        return command;
    }

    // The contract fixes no rules for token names; refuse only what can never be one.
    private static string Name(string text, string where)
    {
        if (text.StartsWith("airlock_admin_", StringComparison.Ordinal))
        {
            throw new UsageException($"{where}: that looks like a token's text, not its id or name", "`airlock token list` shows ids and names");
        }

        return text.Length > 0 && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '/')
            ? text
            : throw new UsageException($"{where}: `{AdminNames.Shown(text)}` is not a token name", "use letters, digits, `_`, `.` or `-`, e.g. ci-deploy");
    }
}
