using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Airlock.Cli.AdminApi;
using Airlock.Cli.Commands.Server;
using Airlock.Gateway.Hosting;

namespace Airlock.Cli.Commands.Dev;

/// <summary>
/// <c>airlock dev</c>: everything needed to see Airlock work, in one command. A throwaway data directory, the gateway,
/// a demo upstream that reports the key it received, a demo secret, service, agent, user and policy, and a session;
/// then the shell lines and curl commands that show the call working, the key reaching the upstream but not the
/// agent, a forbidden call denied with its reason, and the audit log verifying.
/// </summary>
internal static class DevCommand
{
    private const string SecretName = "demo_api_key";

    private const string Policy = """
        // The demo agent may read the demo service, acting for the demo user.
        @id("demo-agents-read")
        permit (principal in Airlock::Group::"demo", action in Airlock::Action::"read", resource in Airlock::Service::"demo");

        @id("demo-user-reads")
        permit (principal == Airlock::User::"demo-user", action in Airlock::Action::"read", resource in Airlock::Service::"demo");

        @id("demo-no-admin")
        @reason("agents may not touch the admin area of the demo service")
        forbid (principal, action, resource in Airlock::Service::"demo") when { context.request.path like "/admin*" };
        """;

    public static Command Create()
    {
        var defaults = new GatewayOptions();
        var listen = new Option<string>("--listen") { Description = $"Data-plane address (default {defaults.Listen}).", DefaultValueFactory = _ => defaults.Listen };
        var adminListen = new Option<string>("--admin-listen") { Description = $"Admin API address (default {defaults.AdminListen}).", DefaultValueFactory = _ => defaults.AdminListen };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the demo's data here instead of a temporary directory (must not exist yet)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary data directory on exit (for `airlock audit verify --data-dir`)." };
        var command = new Command("dev", "Try Airlock: a throwaway gateway with a demo upstream, secret, service, agent, policy and session, and the commands to try it.")
        {
            listen, adminListen, dataDir, keep,
        };
        command.SetAction(parse => CommandRunner.Run(parse, io =>
        {
            try
            {
                // Bad addresses are refused before anything is created on disk.
                _ = ListenAddress.Parse(parse.GetValue(listen)!, "--listen");
                _ = ListenAddress.Parse(parse.GetValue(adminListen)!, "--admin-listen");
            }
            catch (StartupException e)
            {
                throw new UsageException(e.Message);
            }

            var chosen = parse.GetValue(dataDir);
            if (chosen is not null && Directory.Exists(chosen))
            {
                throw new UsageException($"--data-dir {chosen}: exists already; `airlock dev` starts from nothing, so name a new directory");
            }

            var root = chosen ?? Directory.CreateTempSubdirectory("airlock-dev-").FullName;
            try
            {
                return RunAsync(root, parse.GetValue(listen)!, parse.GetValue(adminListen)!, io).GetAwaiter().GetResult();
            }
            catch (StartupException e)
            {
                throw new UsageException(e.Message);
            }
            finally
            {
                if (chosen is null && !parse.GetValue(keep))
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(root, recursive: true);
                }
            }
        }));
        return command;
    }

    private static async Task<int> RunAsync(string root, string listen, string adminListen, CommandIo io)
    {
        using var stop = new StopSignal();
        var data = Path.Combine(root, "data");
        var policies = Directory.CreateDirectory(Path.Combine(root, "policies")).FullName;
        await File.WriteAllTextAsync(Path.Combine(policies, "demo.cedar"), Policy, stop.Token).ConfigureAwait(false);
        var rootToken = await DataDirectoryInitializer.InitializeAsync(data, TimeProvider.System, stop.Token).ConfigureAwait(false);

        var options = new GatewayOptions { DataDirectory = data, Listen = listen, AdminListen = adminListen, PoliciesDirectory = policies };
        await using var upstream = await DemoUpstream.StartAsync(stop.Token).ConfigureAwait(false);
        await using var runtime = await GatewayRuntime.OpenAsync(options, TimeProvider.System, stop.Token).ConfigureAwait(false);
        await using var server = await GatewayServer.StartAsync(runtime, stop.Token).ConfigureAwait(false);

        // A fresh random key each run, never printed: only its hash is shown, to compare with what the upstream got.
        var key = "demo_sk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        using var admin = new AdminApiClient(AdminConnection.Direct(server.AdminAddress, rootToken), trace: null);
        await admin.PutSecretAsync(SecretName, key, stop.Token).ConfigureAwait(false);
        var credential = new JsonObject { ["kind"] = "header", ["header"] = "Authorization", ["template"] = $"Bearer {{{{secret:{SecretName}}}}}" };
        await admin.AddServiceAsync("demo", upstream.Address, "airlock dev's demo upstream", credential, policyBody: false, llm: null, stop.Token).ConfigureAwait(false);
        await admin.AddAgentAsync("demo-agent", "airlock dev's demo agent", ["demo"], stop.Token).ConfigureAwait(false);
        await admin.PutUserAsync("demo-user", [], stop.Token).ConfigureAwait(false);
        var session = await admin.StartSessionAsync("demo-agent", "demo-user", "show how Airlock works", [], TimeSpan.FromHours(8), stop.Token).ConfigureAwait(false);

        io.Error.WriteLine($"airlock dev: data directory {root} ({(root.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) ? "removed on exit unless --keep" : "kept")}); stop with Ctrl+C");
        WriteInstructions(io.Out, server, rootToken, session.Value.Token, DemoUpstream.Sha256(key));
        io.Out.Flush();

        await stop.WaitAsync().ConfigureAwait(false);
        io.Error.WriteLine("airlock dev: stopping");
        return ExitCodes.Success;
    }

    private static void WriteInstructions(TextWriter output, GatewayServer server, string adminToken, string sessionToken, string keySha256)
    {
        var data = server.DataPlaneAddress.ToString().TrimEnd('/');
        var admin = server.AdminAddress.ToString().TrimEnd('/');
        output.WriteLine($"""
            # Airlock is running with a demo setup. In another shell, paste:
            export AIRLOCK_URL={data}
            export AIRLOCK_TOKEN={sessionToken}
            export AIRLOCK_ADDR={admin}
            export AIRLOCK_ADMIN_TOKEN={adminToken}

            # The agent holds only AIRLOCK_TOKEN, a session token. The demo key ({SecretName}) stays in Airlock's vault;
            # its SHA-256 is {keySha256}

            # 1. The call works, and the upstream received the real key: its received_key_sha256 is the hash above.
            curl -s -H "Authorization: Bearer $AIRLOCK_TOKEN" "$AIRLOCK_URL/demo/repos/acme/issues"

            # 2. The upstream carelessly echoed the key in received_authorization; the agent sees [REDACTED:{SecretName}].
            curl -s -H "Authorization: Bearer $AIRLOCK_TOKEN" "$AIRLOCK_URL/demo/repos/acme/issues" | grep -o 'REDACTED:[a-z_]*'

            # 3. A forbidden call is denied (403) with the policy's reason.
            curl -s -H "Authorization: Bearer $AIRLOCK_TOKEN" "$AIRLOCK_URL/demo/admin/users"

            # 4. Every decision is sealed in a tamper-evident log, which verifies.
            dotnet run --project src/Airlock.Cli -c Release -- audit verify
            """);
    }
}
