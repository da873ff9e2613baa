namespace Airlock.Cedar.Ast;

/// <summary>A policy annotation, <c>@key("value")</c> or <c>@key</c> (whose value is the empty string).</summary>
public sealed record Annotation(string Key, string? Value)
{
    /// <summary>The value, with a missing value read as the empty string as Cedar does.</summary>
    public string ValueOrEmpty => Value ?? string.Empty;
}
