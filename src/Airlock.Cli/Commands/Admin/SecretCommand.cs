using System.CommandLine;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock secret</c>: put, rotate, list and delete vault secrets. Values go in, never out.</summary>
internal static class SecretCommand
{
    private const string ValueHelp = "The value is read from stdin (which must not be a terminal) or --from-file, never from the command line; " +
        "one trailing newline is dropped (as echo adds one) and an empty value is refused.";

    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("secret", "Store, rotate, list and delete secrets in the gateway's vault. Values go in, never out.")
        {
            Write("put", "Store a new secret (version 1). Fails with exit 6 if the name exists; use rotate."),
            Write("rotate", "Store a new version of an existing secret. Fails with exit 5 if it does not exist."),
            List(),
            Delete(),
        };

    private static Command Write(string verb, string summary)
    {
        var name = new Argument<string>("NAME") { Description = "The secret name: letters, digits, `_`, `.` or `-`, e.g. github_token." };

        // Catches a value typed on the command line, to refuse it without echoing it.
        var stray = new Argument<string[]>("VALUE") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var fromFile = new Option<string?>("--from-file") { Description = "Read the value from this file instead of stdin.", HelpName = "PATH" };
        var command = new Command(verb, $"{summary} {ValueHelp}\n\n{ExitCodes.AdminHelpText}") { name, stray, fromFile };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            if (parse.GetValue(stray) is { Length: > 0 })
            {
                throw new UsageException(
                    "secret values are never taken from the command line (shell history and process lists would keep them)",
                    $"pipe the value on stdin (printf '%s' \"$VALUE\" | airlock secret {verb} NAME) or use --from-file PATH");
            }

            var secret = AdminNames.Secret(parse.GetRequiredValue(name), "NAME");
            var value = SecretValueReader.Read(parse.GetValue(fromFile));
            call.Sensitive(value);
            var response = verb == "put"
                ? await call.Client.PutSecretAsync(secret, value, ct).ConfigureAwait(false)
                : await call.Client.RotateSecretAsync(secret, value, ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
            }
            else
            {
                call.Io.Out.WriteLine($"{(verb == "put" ? "stored" : "rotated")} secret `{response.Value.Name}`: version {response.Value.Version} of {response.Value.Versions}");
            }

            return ExitCodes.Success;
        }, verb == "put"
            ? new AdminHints(Conflict: "the secret exists; store a new version with `airlock secret rotate NAME`")
            : new AdminHints(NotFound: "there is no such secret; store it with `airlock secret put NAME`"));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", $"List the secrets: name, current version, number of versions, when created and updated.\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListSecretsAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("NAME", "VERSION", "VERSIONS", "CREATED", "UPDATED");
            foreach (var s in response.Value)
            {
                table.Add(s.Name, $"{s.Version}", $"{s.Versions}", TextTable.Time(s.Created), TextTable.Time(s.Updated));
            }

            table.Write(call.Io.Out, "no secrets");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var name = new Argument<string>("NAME") { Description = "The secret to delete, with every version." };
        var command = new Command("delete", $"Delete a secret: every version and its key material is destroyed.\n\n{ExitCodes.AdminHelpText}") { name };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var secret = AdminNames.Secret(parse.GetRequiredValue(name), "NAME");
            await call.Client.DeleteSecretAsync(secret, ct).ConfigureAwait(false);
            if (!call.Json)
            {
                call.Io.Out.WriteLine($"deleted secret `{secret}`");
            }

            return ExitCodes.Success;
        }, new AdminHints(NotFound: "`airlock secret list` shows the secrets"));
        return command;
    }
}
