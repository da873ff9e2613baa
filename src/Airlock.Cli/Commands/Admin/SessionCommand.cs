using System.CommandLine;
using Airlock.Cli.AdminApi.Models;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock session</c>: start a session for an agent (printing its token), list, show and revoke sessions.</summary>
internal static class SessionCommand
{
    private const int IntentColumn = 60;

    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("session", "Start sessions (an agent acting for a user on one declared intent), list, show and revoke them.")
        {
            Start(),
            List(),
            Show(),
            Revoke(),
        };

    private static Command Start()
    {
        var agent = new Option<string>("--agent") { Description = "The agent the session is for.", HelpName = "ID", Required = true };
        var user = new Option<string?>("--user") { Description = "The user the agent acts for; none means the agent acts for itself.", HelpName = "ID" };
        var intent = new Option<string>("--intent") { Description = "What the agent is about to do, in words (1–4096 characters).", HelpName = "TEXT", Required = true };
        var scope = new Option<string[]>("--scope")
        {
            Description = "A service (github) or service/operation (github/issues.list) the session is limited to; repeat for several. None: no limit beyond policy.",
            HelpName = "SCOPE",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var ttl = new Option<string?>("--ttl") { Description = "How long the token lives, e.g. 90s, 15m, 2h30m (default: the gateway's, 15m).", HelpName = "DURATION" };
        var command = new Command(
            "start",
            "Start a session and print its token: only the token in table mode, so TOKEN=$(airlock session start …) works; " +
            $"{{\"token\", \"session\", \"expires\"}} with --output json.\n\n{ExitCodes.AdminHelpText}")
        {
            agent, user, intent, scope, ttl,
        };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var agentId = AdminNames.Identity(parse.GetRequiredValue(agent), "--agent", "agent id");
            var userId = parse.GetValue(user) is { } u ? AdminNames.Identity(u, "--user", "user id") : null;
            var intentText = AdminInput.Intent(parse.GetRequiredValue(intent), "--intent");
            var scopes = (parse.GetValue(scope) ?? []).Select(s => AdminInput.Scope(s, "--scope")).ToList();
            var lifetime = parse.GetValue(ttl) is { } t ? DurationParser.Parse(t, "--ttl") : (TimeSpan?)null;
            var response = await call.Client.StartSessionAsync(agentId, userId, intentText, scopes, lifetime, ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
            }
            else
            {
                call.Io.Out.WriteLine(response.Value.Token);
            }

            return ExitCodes.Success;
        }, new AdminHints(NotFound: "`airlock agent list` and `airlock user list` show who exists"));
        return command;
    }

    private static Command List()
    {
        var agent = new Option<string?>("--agent") { Description = "Only this agent's sessions.", HelpName = "ID" };
        var user = new Option<string?>("--user") { Description = "Only sessions acting for this user.", HelpName = "ID" };
        var all = new Option<bool>("--all") { Description = "Include ended (expired and revoked) sessions." };
        var command = new Command("list", $"List active sessions, newest first.\n\n{ExitCodes.AdminHelpText}") { agent, user, all };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var agentId = parse.GetValue(agent) is { } a ? AdminNames.Identity(a, "--agent", "agent id") : null;
            var userId = parse.GetValue(user) is { } u ? AdminNames.Identity(u, "--user", "user id") : null;
            var response = await call.Client.ListSessionsAsync(agentId, userId, parse.GetValue(all), ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("ID", "STATUS", "AGENT", "USER", "EXPIRES", "INTENT");
            foreach (var s in response.Value)
            {
                var intent = s.Intent.Length > IntentColumn ? s.Intent[..(IntentColumn - 1)] + "…" : s.Intent;
                table.Add(s.Id, s.Status, s.Agent, s.User, TextTable.Time(s.Expires), intent);
            }

            table.Write(call.Io.Out, parse.GetValue(all) ? "no sessions" : "no active sessions (--all includes ended ones)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID") { Description = "The session id." };
        var command = new Command("show", $"Show a session.\n\n{ExitCodes.AdminHelpText}") { id };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.GetSessionAsync(SessionId(parse.GetRequiredValue(id)), ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            Write(call.Io.Out, response.Value);
            return ExitCodes.Success;
        }, new AdminHints(NotFound: "`airlock session list --all` shows the sessions"));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string?>("ID") { Description = "The session to revoke.", Arity = ArgumentArity.ZeroOrOne };
        var agent = new Option<string?>("--agent") { Description = "Revoke every session of this agent.", HelpName = "ID" };
        var user = new Option<string?>("--user") { Description = "Revoke every session acting for this user.", HelpName = "ID" };
        var reason = new Option<string?>("--reason") { Description = "Why, kept with the session for the audit trail.", HelpName = "TEXT" };
        var command = new Command(
            "revoke",
            "Revoke one session (ID), every session of an agent (--agent) or every session acting for a user (--user): exactly one of them. " +
            $"Their tokens are refused at once.\n\n{ExitCodes.AdminHelpText}")
        {
            id, agent, user, reason,
        };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var (sessionId, agentId, userId) = (parse.GetValue(id), parse.GetValue(agent), parse.GetValue(user));
            if ((sessionId is null ? 0 : 1) + (agentId is null ? 0 : 1) + (userId is null ? 0 : 1) != 1)
            {
                throw new UsageException(
                    "say which sessions to revoke: give exactly one of ID, --agent or --user",
                    "airlock session revoke SESSION_ID | airlock session revoke --agent AGENT_ID | airlock session revoke --user USER_ID");
            }

            var why = parse.GetValue(reason);
            var response = sessionId is not null
                ? await call.Client.RevokeSessionAsync(SessionId(sessionId), why, ct).ConfigureAwait(false)
                : await call.Client.RevokeSessionsAsync(
                    agentId is null ? null : AdminNames.Identity(agentId, "--agent", "agent id"),
                    userId is null ? null : AdminNames.Identity(userId, "--user", "user id"),
                    why,
                    ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
            }
            else if (response.Value.Revoked.Count == 0)
            {
                call.Io.Out.WriteLine("no session was revoked: none was active");
            }
            else
            {
                foreach (var revoked in response.Value.Revoked)
                {
                    call.Io.Out.WriteLine($"revoked session {TextTable.Cell(revoked)}");
                }
            }

            return ExitCodes.Success;
        }, new AdminHints(NotFound: "`airlock session list --all` shows the sessions"));
        return command;
    }

    private static string SessionId(string id) =>
        id.Length > 0 && !id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '/')
            ? id
            : throw new UsageException($"ID: `{AdminNames.Shown(id)}` is not a session id", "`airlock session list` shows the ids");

    private static void Write(TextWriter output, SessionInfo session) =>
        new KeyValueList()
            .Add("id", session.Id)
            .Add("status", session.Status)
            .Add("agent", session.Agent)
            .Add("user", session.User)
            .Add("intent", session.Intent)
            .Add("scope", TextTable.List(session.Scope))
            .Add("created", TextTable.Time(session.Created))
            .Add("expires", TextTable.Time(session.Expires))
            .Add("revoked", AdminJsonValues.TimeOrFlag(session.Revoked))
            .Add("revoked_reason", session.RevokedReason)
            .Write(output);
}
