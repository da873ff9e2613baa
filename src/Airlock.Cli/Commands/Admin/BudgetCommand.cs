using System.CommandLine;
using System.Text.Json.Nodes;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary><c>airlock budget</c>: set, show, list and remove the budgets and rate limits of sessions, agents and users.</summary>
internal static class BudgetCommand
{
    private static readonly AdminHints NotFound = new(NotFound: "`airlock budget list` shows the budgets that are set");

    /// <summary>Creates the group with its subcommands.</summary>
    public static Command Create() =>
        new("budget", "Limit what sessions, agents and users may spend (requests and tokens per window, US dollars per day and month), and see their spend.")
        {
            Set(),
            Show(),
            List(),
            Remove(),
        };

    private static Command Set()
    {
        var requests = new Option<string?>("--requests") { Description = "Requests per window.", HelpName = "N" };
        var tokens = new Option<string?>("--tokens") { Description = "Tokens (input and output) per window.", HelpName = "N" };
        var window = new Option<string?>("--window") { Description = "The window for --requests and --tokens, 1s to 1d (default 1m).", HelpName = "DURATION" };
        var perDay = new Option<string?>("--usd-per-day") { Description = "US dollars per UTC day, at most 6 decimals.", HelpName = "USD" };
        var perMonth = new Option<string?>("--usd-per-month") { Description = "US dollars per UTC month, at most 6 decimals.", HelpName = "USD" };
        var command = new Command(
            "set",
            "Set a budget, replacing the one the subject had: a limit not given is no longer limited. " +
            $"Usage so far counts against the new limits.\n\n{ExitCodes.AdminHelpText}");
        var subject = BudgetSubjectOptions.AddTo(command);
        foreach (var option in new[] { requests, tokens, window, perDay, perMonth })
        {
            command.Options.Add(option);
        }

        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var (scope, id) = subject.Resolve(parse, "set");
            var body = new JsonObject();
            if (parse.GetValue(requests) is { } r)
            {
                body["requests_per_window"] = BudgetInput.Count(r, "--requests");
            }

            if (parse.GetValue(tokens) is { } t)
            {
                body["tokens_per_window"] = BudgetInput.Count(t, "--tokens");
            }

            if (parse.GetValue(window) is { } w)
            {
                body["window_seconds"] = (long)BudgetInput.Window(w, "--window").TotalSeconds;
            }

            if (parse.GetValue(perDay) is { } d)
            {
                body["usd_per_day"] = BudgetInput.Usd(d, "--usd-per-day");
            }

            if (parse.GetValue(perMonth) is { } m)
            {
                body["usd_per_month"] = BudgetInput.Usd(m, "--usd-per-month");
            }

            if (body.Count == 0 || (body.Count == 1 && body.ContainsKey("window_seconds")))
            {
                throw new UsageException(
                    "set no limit: give at least one of --requests, --tokens, --usd-per-day or --usd-per-month",
                    "`airlock budget remove` removes a budget");
            }

            var response = await call.Client.PutBudgetAsync(scope, id, body, ct).ConfigureAwait(false);
            BudgetOutput.WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command(
            "show",
            "Show a subject's limits, its usage in the current window, day and month, and its spend. " +
            $"Spend is recorded for every subject, with or without a budget.\n\n{ExitCodes.AdminHelpText}");
        var subject = BudgetSubjectOptions.AddTo(command);
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var (scope, id) = subject.Resolve(parse, "show");
            var response = await call.Client.GetBudgetAsync(scope, id, ct).ConfigureAwait(false);
            BudgetOutput.WriteOne(call, response.Value, response.Json);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", $"List the budgets that are set, defaults (*) included.\n\n{ExitCodes.AdminHelpText}");
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var response = await call.Client.ListBudgetsAsync(ct).ConfigureAwait(false);
            if (call.Json)
            {
                call.WriteJson(response.Json);
                return ExitCodes.Success;
            }

            BudgetOutput.WriteList(call.Io.Out, response.Value);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var command = new Command(
            "remove",
            $"Remove a subject's budget; its spend stays, and its scope's default (if set) applies from now on.\n\n{ExitCodes.AdminHelpText}");
        var subject = BudgetSubjectOptions.AddTo(command);
        var options = AdminOptions.AddTo(command);
        AdminCommandRunner.SetAction(command, options, async (parse, call, ct) =>
        {
            var (scope, id) = subject.Resolve(parse, "remove");
            await call.Client.RemoveBudgetAsync(scope, id, ct).ConfigureAwait(false);
            if (!call.Json)
            {
                call.Io.Out.WriteLine(id == "*" ? $"removed the default budget of every {scope}" : $"removed the budget of {scope} `{TextTable.Cell(id)}`");
            }

            return ExitCodes.Success;
        }, NotFound);
        return command;
    }
}
