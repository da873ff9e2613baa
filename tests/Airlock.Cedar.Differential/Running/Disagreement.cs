using System.Text.RegularExpressions;
using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Running;

/// <summary>A check the engines answered differently, with its (shrunk) inputs: everything needed to reproduce it.</summary>
/// <param name="Kind">Which check.</param>
/// <param name="Group">The group it came from (its seed regenerates it).</param>
/// <param name="Scenario">The case's index in the group.</param>
/// <param name="Request">The request's index in the case, or -1.</param>
/// <param name="Policies">The policy text, shrunk to the policies that matter when possible.</param>
/// <param name="Entities">The entities JSON the request used, shrunk when possible; null for other checks.</param>
/// <param name="RequestData">The request, its context shrunk when possible; null for other checks.</param>
/// <param name="Native">Airlock.Cedar's answer.</param>
/// <param name="Oracle">cedar-wasm's answer.</param>
public sealed partial record Disagreement(
    CheckKind Kind,
    ScenarioGroup Group,
    int Scenario,
    int Request,
    string Policies,
    string? Entities,
    GenRequest? RequestData,
    Answer Native,
    Answer Oracle)
{
    /// <summary>What differs: acceptance, or which of decision, reason and errors.</summary>
    public string What
    {
        get
        {
            if (Native.Ok != Oracle.Ok || Kind != CheckKind.Authorize || Native.Key.StartsWith("crash", StringComparison.Ordinal))
            {
                return Kind.ToString().ToLowerInvariant() + (Native.Ok == Oracle.Ok ? string.Empty : Native.Ok ? ": only cedar-wasm rejects" : ": only Airlock rejects");
            }

            var parts = new[] { "decision", "reason", "errors" }.Where(p => Part(Native.Key, p) != Part(Oracle.Key, p));
            return "authorize: " + string.Join("+", parts);
        }
    }

    /// <summary>
    /// <see cref="What"/>, plus for a one-sided rejection the rejecting engine's first message with quoted
    /// parts blanked: disagreements with the same signature most likely share a root cause.
    /// </summary>
    public string Signature
    {
        get
        {
            var rejecting = Native.Ok == Oracle.Ok ? null : Native.Ok ? Oracle : Native;
            var message = rejecting?.Messages.FirstOrDefault(m => m.Length > 0);
            if (message is null)
            {
                return What;
            }

            message = Quoted().Replace(message, "`…`");
            message = message[(message.IndexOf(": ", StringComparison.Ordinal) is var i and >= 0 && message.StartsWith('<') ? i + 2 : 0)..];
            return What + " (" + (message.Length > 90 ? message[..90] + "…" : message) + ")";
        }
    }

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex Quoted();

    // The compared key reads `allow reason [..] errors [..]`.
    private static string Part(string key, string part) => part switch
    {
        "decision" => key.Split(' ')[0],
        "reason" => key[key.IndexOf("reason", StringComparison.Ordinal)..key.IndexOf("errors", StringComparison.Ordinal)],
        _ => key[key.IndexOf("errors", StringComparison.Ordinal)..],
    };
}
