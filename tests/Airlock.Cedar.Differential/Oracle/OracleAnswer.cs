using System.Text.Json;

namespace Airlock.Cedar.Differential.Oracle;

/// <summary>One answer line from the oracle (see <c>oracle/oracle.mjs</c> for the fields each operation sets).</summary>
public sealed class OracleAnswer(JsonElement json)
{
    /// <summary>The raw answer.</summary>
    public JsonElement Json { get; } = json;

    /// <summary>Set when cedar-wasm threw instead of answering: the call did not fit its input types.</summary>
    public string? Crash => Json.TryGetProperty("crash", out var c) ? c.GetString() : null;

    /// <summary>False when the input was rejected (a parse or request-validation failure); <see cref="Messages"/> says why.</summary>
    public bool Ok => Crash is null && Json.TryGetProperty("ok", out var ok) && ok.GetBoolean();

    /// <summary>
    /// For a rejected <c>authorize</c> call, the input at fault: <c>policies</c>, <c>schema</c>, <c>entities</c>,
    /// <c>context</c> (or an entity reference), or <c>request</c> (request validation).
    /// </summary>
    public string? Stage => Json.TryGetProperty("stage", out var s) ? s.GetString() : null;

    /// <summary>Why the input was rejected, or the validation errors of a <c>validate</c> call.</summary>
    public IReadOnlyList<string> Messages => Strings("messages");

    /// <summary><c>allow</c> or <c>deny</c> for an <c>authorize</c> call that succeeded.</summary>
    public string? Decision => Json.TryGetProperty("decision", out var d) ? d.GetString() : null;

    /// <summary>Ids of the policies that determined the decision.</summary>
    public IReadOnlyList<string> Reason => Strings("reason");

    /// <summary>Ids of the policies whose evaluation raised an error.</summary>
    public IReadOnlyList<string> Errors => Strings("errors");

    /// <summary>The evaluation error messages, each prefixed with its policy id.</summary>
    public IReadOnlyList<string> ErrorMessages => Strings("errorMessages");

    /// <summary>For a <c>validate</c> call: whether the policies passed strict validation.</summary>
    public bool Valid => Json.TryGetProperty("valid", out var v) && v.GetBoolean();

    public override string ToString() => Json.GetRawText();

    private string[] Strings(string name) =>
        Json.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : [];
}
