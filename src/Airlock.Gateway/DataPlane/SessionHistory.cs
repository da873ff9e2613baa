using System.Collections.Concurrent;
using Airlock.Core.Storage;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// Calls and denials so far per session, for <c>context.history</c>. The audit log is the record of truth: the first
/// time this node sees a session it counts the session's sealed decisions there, so a restart does not reset a
/// session's history, and from then on it counts in memory. Every caller touches the history before it seals its
/// own decision, so a call is never counted twice (once in the store and once in memory).
/// </summary>
internal sealed class SessionHistory(IAuditStore audit)
{
    private readonly ConcurrentDictionary<string, Task<Counts>> _bySession = new(StringComparer.Ordinal);

    public async ValueTask<(long Calls, long Denials)> GetAsync(string sessionId, CancellationToken ct)
    {
        var counts = await CountsAsync(sessionId, ct).ConfigureAwait(false);
        return (Interlocked.Read(ref counts.Calls), Interlocked.Read(ref counts.Denials));
    }

    public async ValueTask RecordAsync(string sessionId, bool denied, CancellationToken ct)
    {
        var counts = await CountsAsync(sessionId, ct).ConfigureAwait(false);
        Interlocked.Increment(ref counts.Calls);
        if (denied)
        {
            Interlocked.Increment(ref counts.Denials);
        }
    }

    private async ValueTask<Counts> CountsAsync(string sessionId, CancellationToken ct)
    {
        var load = _bySession.GetOrAdd(sessionId, static (id, store) => LoadAsync(store, id), audit);
        try
        {
            return await load.WaitAsync(ct).ConfigureAwait(false);
        }
        catch when (load.IsFaulted || load.IsCanceled)
        {
            // A failed count is not remembered: the next call asks the store again.
            _bySession.TryRemove(new KeyValuePair<string, Task<Counts>>(sessionId, load));
            throw;
        }
    }

    private static async Task<Counts> LoadAsync(IAuditStore store, string sessionId)
    {
        var stored = await store.CountSessionDecisionsAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
        return new Counts { Calls = stored.Decisions, Denials = stored.Denials };
    }

    private sealed class Counts
    {
        public long Calls;
        public long Denials;
    }
}
