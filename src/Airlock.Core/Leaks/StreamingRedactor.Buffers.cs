using System.Buffers;

namespace Airlock.Core.Leaks;

/// <summary>Pending matches, the held-back bytes and writing to the output.</summary>
public sealed partial class StreamingRedactor
{
    private void AddPending(long start, int length, int id)
    {
        // Matches mostly arrive in start order; insert from the back.
        var tail = _pendingHead + _pendingCount - 1;
        var at = tail;
        while (at >= _pendingHead && _pendingStart[at] > start)
        {
            at--;
        }

        if (at >= _pendingHead && _pendingStart[at] == start)
        {
            var longer = length > _pendingLength[at] || (length == _pendingLength[at] && id >= 0 && _pendingId[at] < 0);
            if (longer)
            {
                _pendingLength[at] = length;
                _pendingId[at] = id;
            }

            return;
        }

        if (_pendingHead + _pendingCount == _pendingStart.Length)
        {
            var shift = _pendingHead;
            MakeRoom();
            at -= shift;
        }

        var insert = at + 1;
        var move = _pendingHead + _pendingCount - insert;
        if (move > 0)
        {
            Array.Copy(_pendingStart, insert, _pendingStart, insert + 1, move);
            Array.Copy(_pendingLength, insert, _pendingLength, insert + 1, move);
            Array.Copy(_pendingId, insert, _pendingId, insert + 1, move);
        }

        _pendingStart[insert] = start;
        _pendingLength[insert] = length;
        _pendingId[insert] = id;
        _pendingCount++;
    }

    private void MakeRoom()
    {
        if (_pendingHead > 0)
        {
            Array.Copy(_pendingStart, _pendingHead, _pendingStart, 0, _pendingCount);
            Array.Copy(_pendingLength, _pendingHead, _pendingLength, 0, _pendingCount);
            Array.Copy(_pendingId, _pendingHead, _pendingId, 0, _pendingCount);
            _pendingHead = 0;
            if (_pendingCount < _pendingStart.Length)
            {
                return;
            }
        }

        var size = _pendingStart.Length * 2;
        Array.Resize(ref _pendingStart, size);
        Array.Resize(ref _pendingLength, size);
        Array.Resize(ref _pendingId, size);
    }

    /// <summary>Writes the plain bytes [<see cref="_emitted"/>, <paramref name="to"/>) unchanged.</summary>
    private void WritePlain(long to, in Window window)
    {
        if (to <= _emitted)
        {
            return;
        }

        var heldStart = window.ChunkStart - _heldCount;
        var from = _emitted;
        if (from < window.ChunkStart)
        {
            var end = Math.Min(to, window.ChunkStart);
            window.Output.Write(_held.AsSpan((int)(from - heldStart), (int)(end - from)));
            from = end;
        }

        if (from < to)
        {
            window.Output.Write(window.Chunk.Slice((int)(from - window.ChunkStart), (int)(to - from)));
        }

        _emitted = to;
    }

    /// <summary>Keeps the undecided bytes [<see cref="_resolved"/>, end of chunk) for the next chunk.</summary>
    private void Hold(in Window window)
    {
        var end = window.ChunkStart + window.Chunk.Length;
        var keep = (int)(end - _resolved);
        if (_resolved > 0)
        {
            _beforeHeld = ByteAt(_resolved - 1, in window);
        }

        if (keep > _held.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(keep, 256));
            CopyRange(_resolved, end, bigger, in window);
            ReturnHeld();
            _held = bigger;
        }
        else if (keep > 0)
        {
            // The kept bytes sit at or after the old held bytes' start, so copying forward in place is safe.
            CopyRange(_resolved, end, _held, in window);
        }

        _heldCount = keep;
    }

    /// <summary>Copies stream bytes [from, to), which lie in the held bytes and the chunk, to the start of <paramref name="destination"/>.</summary>
    private void CopyRange(long from, long to, Span<byte> destination, in Window window)
    {
        var heldStart = window.ChunkStart - _heldCount;
        var written = 0;
        if (from < window.ChunkStart)
        {
            var end = Math.Min(to, window.ChunkStart);
            _held.AsSpan((int)(from - heldStart), (int)(end - from)).CopyTo(destination);
            written = (int)(end - from);
            from = end;
        }

        if (from < to)
        {
            window.Chunk.Slice((int)(from - window.ChunkStart), (int)(to - from)).CopyTo(destination[written..]);
        }
    }

    private int ByteAt(long position, in Window window)
    {
        if (position >= window.ChunkStart)
        {
            return window.Chunk[(int)(position - window.ChunkStart)];
        }

        var heldStart = window.ChunkStart - _heldCount;
        return position >= heldStart ? _held[(int)(position - heldStart)] : _beforeHeld;
    }

    private void ReturnBuffers()
    {
        ReturnHeld();
        if (_scratch is not null)
        {
            ArrayPool<byte>.Shared.Return(_scratch, clearArray: true);
            _scratch = null;
        }

        _heldCount = 0;
    }

    private void ReturnHeld()
    {
        if (_held.Length > 0)
        {
            // Held bytes may be the start of a secret: clear them before the array goes back to the pool.
            ArrayPool<byte>.Shared.Return(_held, clearArray: true);
            _held = [];
        }
    }

    private readonly ref struct Window(ReadOnlySpan<byte> chunk, long chunkStart, IBufferWriter<byte> output)
    {
        public ReadOnlySpan<byte> Chunk { get; } = chunk;

        public long ChunkStart { get; } = chunkStart;

        public IBufferWriter<byte> Output { get; } = output;
    }
}
