namespace Airlock.Core.Leaks;

/// <summary>
/// How many times one secret (by name) or one detector (<c>detector:&lt;kind&gt;</c>) was redacted in a stream, for the
/// audit record.
/// </summary>
public readonly record struct RedactionCount(string Name, int Count);
