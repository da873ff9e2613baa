using System.Collections.Concurrent;

namespace Airlock.Core.Tokens;

/// <summary>
/// A bounded map from the exact token text to what verifying it established. Only tokens that verified are added,
/// so an attacker cannot fill it with forgeries; on overflow expired entries go first, then arbitrary ones.
/// A hit needs full string equality, so a token that differs in any character is verified from scratch.
/// </summary>
internal sealed class VerifiedTokenCache
{
    private readonly ConcurrentDictionary<string, VerifiedToken> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimLock = new();
    private readonly int _capacity;
    private int _count;

    public VerifiedTokenCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string token, out VerifiedToken entry) => _entries.TryGetValue(token, out entry!);

    public void Add(string token, VerifiedToken entry, long nowTicks, long skewTicks)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            Trim(nowTicks, skewTicks);
        }

        if (_entries.TryAdd(token, entry))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void Remove(string token)
    {
        if (_entries.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private void Trim(long nowTicks, long skewTicks)
    {
        lock (_trimLock)
        {
            if (Volatile.Read(ref _count) < _capacity)
            {
                return;
            }

            foreach (var (token, entry) in _entries)
            {
                if (entry.ExpiresTicks + skewTicks <= nowTicks)
                {
                    Remove(token);
                }
            }

            // Still nearly full of live tokens: drop half, whichever the enumeration meets first; they are verified again on next use.
            if (Volatile.Read(ref _count) >= _capacity - (_capacity / 10))
            {
                var excess = Volatile.Read(ref _count) - (_capacity / 2);
                foreach (var token in _entries.Keys)
                {
                    if (excess-- <= 0)
                    {
                        break;
                    }

                    Remove(token);
                }
            }
        }
    }
}
