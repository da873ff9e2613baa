namespace Airlock.Core.Leaks.Sse;

/// <summary>What one provider event means for the text streams: the deltas it carries and the streams it ends.</summary>
internal sealed class DeltaEvent
{
    /// <summary>Delta text fields, in document order.</summary>
    public List<DeltaField> Fields { get; } = [];

    /// <summary>Streams that end with this event (their held-back text goes out before it, or in it).</summary>
    public List<StreamEnd> Ends { get; } = [];

    public bool EndsStream(DeltaStreamKey key)
    {
        foreach (var end in Ends)
        {
            if (end.Matches(key))
            {
                return true;
            }
        }

        return false;
    }

    public void Clear()
    {
        Fields.Clear();
        Ends.Clear();
    }
}
