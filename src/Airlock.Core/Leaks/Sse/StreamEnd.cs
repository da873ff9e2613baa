namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// Which text streams an event ends: those whose kind starts with <see cref="KindPrefix"/> and whose group and item
/// match where given.
/// </summary>
internal readonly record struct StreamEnd(string KindPrefix, long? Group = null, long? Item = null)
{
    /// <summary>Every stream: <c>[DONE]</c>, <c>message_stop</c>, <c>response.completed</c>, an error, the end of the body.</summary>
    public static StreamEnd All { get; } = new("");

    public bool Matches(DeltaStreamKey key) =>
        key.Kind.StartsWith(KindPrefix, StringComparison.Ordinal)
        && (Group is null || Group == key.Group)
        && (Item is null || Item == key.Item);
}
