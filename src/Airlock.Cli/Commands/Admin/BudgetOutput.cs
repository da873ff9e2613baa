using System.Globalization;
using System.Text.Json;
using Airlock.Cli.AdminApi.Models;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary>How <c>airlock budget</c> shows budgets to people; <c>--output json</c> prints the admin API's answer instead.</summary>
internal static class BudgetOutput
{
    /// <summary>One subject: who, the limits in force and where they come from, usage per kind, and spend.</summary>
    public static void WriteOne(AdminCall call, BudgetInfo budget, JsonElement json)
    {
        if (call.Json)
        {
            call.WriteJson(json);
            return;
        }

        var output = call.Io.Out;
        var limits = budget.Limits;
        var header = new KeyValueList()
            .Add("subject", budget.Id == "*" ? $"every {budget.Scope} (default)" : $"{budget.Scope} {budget.Id}")
            .Add("limits", limits is null ? "none" : budget.Id == "*" ? "set" : limits.Id == "*" ? $"the default for every {budget.Scope}" : "its own")
            .Add("window", limits is null ? null : DurationParser.Format(limits.WindowSeconds));
        if (budget.Spend is { } spend)
        {
            header.Add("spent today", Spend(spend.Day)).Add("spent this month", Spend(spend.Month));
        }

        header.Write(output);
        output.WriteLine();
        var table = new TextTable("LIMIT", "MAX", "USED", "RESERVED", "REMAINING", "RESETS");
        if (budget.Usage is { } usage)
        {
            Line(table, "requests/window", usage.RequestsPerWindow);
            Line(table, "tokens/window", usage.TokensPerWindow);
            Line(table, "usd/day", usage.UsdPerDay);
            Line(table, "usd/month", usage.UsdPerMonth);
        }
        else if (limits is not null)
        {
            table.Add("requests/window", Number(limits.RequestsPerWindow), "-", "-", "-", "-");
            table.Add("tokens/window", Number(limits.TokensPerWindow), "-", "-", "-", "-");
            table.Add("usd/day", Number(limits.UsdPerDay), "-", "-", "-", "-");
            table.Add("usd/month", Number(limits.UsdPerMonth), "-", "-", "-", "-");
        }

        table.Write(output, "no default budget is set");
    }

    /// <summary>Every budget, one per line.</summary>
    public static void WriteList(TextWriter output, IReadOnlyList<BudgetLimitsInfo> budgets)
    {
        var table = new TextTable("SCOPE", "ID", "REQUESTS", "TOKENS", "WINDOW", "USD/DAY", "USD/MONTH", "UPDATED");
        foreach (var b in budgets)
        {
            table.Add(b.Scope, b.Id, Number(b.RequestsPerWindow), Number(b.TokensPerWindow), DurationParser.Format(b.WindowSeconds),
                Number(b.UsdPerDay), Number(b.UsdPerMonth), TextTable.Time(b.Updated));
        }

        table.Write(output, "no budgets are set (`airlock budget set` sets one)");
    }

    private static void Line(TextTable table, string name, BudgetLineInfo line) =>
        table.Add(name, Number(line.Limit), Number(line.Used), Number(line.Reserved), Number(line.Remaining), TextTable.Time(line.PeriodEnd));

    private static string Spend(SpendInfo spend) =>
        $"{spend.Used.Requests} requests, {spend.Used.Tokens} tokens, {Number(spend.Used.Usd)} USD" +
        (spend.Reserved.Requests > 0 ? $" (in flight: {spend.Reserved.Requests} requests, up to {spend.Reserved.Tokens} tokens, {Number(spend.Reserved.Usd)} USD)" : "");

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
