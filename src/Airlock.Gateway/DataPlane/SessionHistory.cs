using System.Collections.Concurrent;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// Calls and denials so far per session, for <c>context.history</c>. Kept in memory on this node: after a restart a
/// session's history starts again at zero (the audit log keeps the full record).
/// </summary>
internal sealed class SessionHistory
{
    private readonly ConcurrentDictionary<string, Counts> _bySession = new(StringComparer.Ordinal);

    public (long Calls, long Denials) Get(string sessionId) =>
        _bySession.TryGetValue(sessionId, out var c) ? (Interlocked.Read(ref c.Calls), Interlocked.Read(ref c.Denials)) : (0, 0);

    public void Record(string sessionId, bool denied)
    {
        var counts = _bySession.GetOrAdd(sessionId, static _ => new Counts());
        Interlocked.Increment(ref counts.Calls);
        if (denied)
        {
            Interlocked.Increment(ref counts.Denials);
        }
    }

    private sealed class Counts
    {
        public long Calls;
        public long Denials;
    }
}
