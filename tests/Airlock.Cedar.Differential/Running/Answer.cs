namespace Airlock.Cedar.Differential.Running;

/// <summary>
/// What one engine answered to one check, reduced to <see cref="Key"/>, the part the engines must agree on
/// (messages never have to match).
/// </summary>
/// <param name="Key">The compared outcome, such as <c>allow reason [policy0] errors []</c> or <c>rejected</c>.</param>
/// <param name="Detail">Extra facts for the report that are not compared (the stage that rejected the input).</param>
/// <param name="Messages">What the engine said.</param>
public sealed record Answer(string Key, string Detail, IReadOnlyList<string> Messages)
{
    public const string Rejected = "rejected";

    public static Answer Reject(string stage, IReadOnlyList<string> messages) => new(Rejected, "at " + stage, messages);

    /// <summary>An authorization result in compared form: ids sorted, since they are sets.</summary>
    public static Answer Decided(string decision, IEnumerable<string> reason, IEnumerable<string> errors, IReadOnlyList<string> messages) =>
        new($"{decision} reason [{Sorted(reason)}] errors [{Sorted(errors)}]", string.Empty, messages);

    public bool Ok => Key != Rejected;

    public override string ToString() => Detail.Length == 0 ? Key : $"{Key} ({Detail})";

    private static string Sorted(IEnumerable<string> ids) => string.Join(", ", ids.Distinct().Order(StringComparer.Ordinal));
}
