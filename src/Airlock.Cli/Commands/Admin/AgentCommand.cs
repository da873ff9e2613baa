using System.CommandLine;
using System.Text.Json;
using Airlock.Cli.AdminApi.Models;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock agent</c>: register, list, show, disable and enable agents.</summary>
internal static class AgentCommand
{
    private static readonly AdminHints NotFound = new(NotFound: "`airlock agent list` shows the agents");

    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("agent", "Register the agents that may start sessions, and disable or enable them.")
        {
            Add(),
            List(),
            Show(),
            SetEnabled("disable", enabled: false, "Disable an agent: its tokens are refused at once and it cannot start sessions."),
            SetEnabled("enable", enabled: true, "Enable a disabled agent again."),
        };

    /// <summary>The repeatable <c>--group</c> option shared with <c>user add</c>.</summary>
    public static Option<string[]> GroupOption() => new("--group")
    {
        Description = "A group it belongs to, as policies see it; repeat for several.",
        HelpName = "GROUP",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Checks every <c>--group</c> value.</summary>
    public static List<string> Groups(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? []).Select(g => AdminNames.Identity(g, "--group", "group name"))];

    private static Command Add()
    {
        var id = new Argument<string>("ID") { Description = "The agent id: letters, digits, `_`, `.`, `@` or `-`, e.g. triage-bot." };
        var group = GroupOption();
        var description = new Option<string?>("--description") { Description = "What the agent is, for people.", HelpName = "TEXT" };
        var command = new Command("add", $"Register an agent.\n\n{ExitCodes.AdminHelpText}") { id, group, description };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var agent = AdminNames.Identity(parse.GetRequiredValue(id), "ID", "agent id");
            var response = await call.Client.AddAgentAsync(agent, parse.GetValue(description), Groups(parse, group), ct).ConfigureAwait(false);
            WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        }, new AdminHints(Conflict: "an agent with this id exists; `airlock agent show ID` shows it"));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", $"List the agents.\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListAgentsAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            var table = new TextTable("ID", "ENABLED", "GROUPS", "CREATED", "DESCRIPTION");
            foreach (var a in response.Value)
            {
                table.Add(a.Id, a.Enabled ? "yes" : "no", TextTable.List(a.Groups), TextTable.Time(a.Created), a.Description);
            }

            table.Write(call.Io.Out, "no agents");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID") { Description = "The agent to show." };
        var command = new Command("show", $"Show an agent.\n\n{ExitCodes.AdminHelpText}") { id };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.GetAgentAsync(AdminNames.Identity(parse.GetRequiredValue(id), "ID", "agent id"), ct).ConfigureAwait(false);
            WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        }, NotFound);
        return command;
    }

    private static Command SetEnabled(string verb, bool enabled, string summary)
    {
        var id = new Argument<string>("ID") { Description = $"The agent to {verb}." };
        var command = new Command(verb, $"{summary}\n\n{ExitCodes.AdminHelpText}") { id };
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var agent = AdminNames.Identity(parse.GetRequiredValue(id), "ID", "agent id");
            var response = await call.Client.SetAgentEnabledAsync(agent, enabled, ct).ConfigureAwait(false);
            WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        }, NotFound);
        return command;
    }

    private static void WriteOne(AdminCall call, AgentInfo agent, JsonElement json)
    {
        if (call.Json)
        {
            call.WriteJson(json);
            return;
        }

        new KeyValueList()
            .Add("id", agent.Id)
            .Add("enabled", agent.Enabled ? "yes" : "no")
            .Add("groups", TextTable.List(agent.Groups))
            .Add("description", agent.Description)
            .Add("created", TextTable.Time(agent.Created))
            .Write(call.Io.Out);
    }
}
