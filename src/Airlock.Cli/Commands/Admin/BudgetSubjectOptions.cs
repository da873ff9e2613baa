using System.CommandLine;
using Airlock.Cli.Input;

namespace Airlock.Cli.Commands.Admin;

/// <summary>The <c>--session</c>, <c>--agent</c> and <c>--user</c> options that name a budget's subject: exactly one of them.</summary>
internal sealed class BudgetSubjectOptions
{
    private readonly Option<string?> session = new("--session") { Description = "A session's budget, or * for every session's.", HelpName = "ID" };
    private readonly Option<string?> agent = new("--agent") { Description = "An agent's budget (all its sessions together), or * for every agent's.", HelpName = "ID" };
    private readonly Option<string?> user = new("--user") { Description = "A user's budget (all sessions acting for them), or * for every user's.", HelpName = "ID" };

    private BudgetSubjectOptions(Command command)
    {
        command.Options.Add(session);
        command.Options.Add(agent);
        command.Options.Add(user);
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public static BudgetSubjectOptions AddTo(Command command) => new(command);

    /// <summary>The scope (<c>session</c>, <c>agent</c> or <c>user</c>) and the checked id; a usage error unless exactly one option is given.</summary>
    public (string Scope, string Id) Resolve(ParseResult parse, string verb)
    {
        var given = new[] { ("session", parse.GetValue(session)), ("agent", parse.GetValue(agent)), ("user", parse.GetValue(user)) }
            .Where(o => o.Item2 is not null)
            .ToArray();
        if (given.Length != 1)
        {
            throw new UsageException(
                "say whose budget: give exactly one of --session, --agent or --user",
                $"airlock budget {verb} --agent triage-bot, or --session '*' for the default of every session");
        }

        var (scope, id) = given[0];
        return (scope, id == "*" ? id : AdminNames.Identity(id!, $"--{scope}", $"{scope} id"));
    }
}
