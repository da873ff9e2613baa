using System.CommandLine;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock signing-key</c>: list and rotate the keys that sign session tokens.</summary>
internal static class SigningKeyCommand
{
    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("signing-key", "List and rotate the keys that sign session tokens.")
        {
            List(),
            Rotate(),
        };

    private static Command List()
    {
        var command = new Command("list", $"List the signing keys: the active one and retired ones that still verify tokens.\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListSigningKeysAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("KID", "ALG", "ACTIVE", "CREATED", "RETIRED", "VERIFY_UNTIL");
            foreach (var k in response.Value)
            {
                table.Add(k.Kid, k.Alg, k.Active ? "yes" : "no", TextTable.Time(k.Created), TextTable.Time(k.Retired), TextTable.Time(k.VerifyUntil));
            }

            table.Write(call.Io.Out, "no signing keys");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rotate()
    {
        var command = new Command(
            "rotate",
            "Make a new active signing key. The previous key signs nothing new but verifies its tokens until they expire.\n\n" +
            ExitCodes.AdminHelpText);
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.RotateSigningKeyAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            new KeyValueList()
                .Add("kid", response.Value.Kid)
                .Add("alg", response.Value.Alg)
                .Add("active", response.Value.Active ? "yes" : "no")
                .Add("created", TextTable.Time(response.Value.Created))
                .Write(call.Io.Out);
            return ExitCodes.Success;
        });
        return command;
    }
}
