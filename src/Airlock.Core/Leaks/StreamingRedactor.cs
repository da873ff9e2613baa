using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Airlock.Core.Leaks;

/// <summary>
/// Redacts one byte stream (a response body, an SSE stream) chunk by chunk: every held secret in every encoding of the
/// <see cref="SecretPatternSet"/> and every token a credential detector recognises is replaced by
/// <c>[REDACTED:&lt;name&gt;]</c> or <c>[REDACTED:detector:&lt;kind&gt;]</c>, wherever the chunk boundaries fall.
/// </summary>
/// <remarks>
/// <para>Bytes that cannot be part of a match are written as soon as their chunk is processed. Only the bytes that may
/// still begin a match are held back: at most <see cref="SecretPatternSet.MaxPatternLength"/> − 1 for secrets, or up to
/// a detector's maximum token length while a token that began with a known prefix is still open.</para>
/// <para>Overlapping matches resolve leftmost-longest: the match that starts first wins, the longest of those that
/// start there; a secret beats a detector token of the same extent. A secret match that overlaps a committed one and
/// runs past it is not dropped: its remainder is redacted too (<c>[REDACTED:a][REDACTED:b]</c>; each secret is named once
/// per merged region), so no part of an overlapping secret is written out.</para>
/// <para>Time is linear in the input. A 3-byte gram filter skips text where no pattern can begin (8 KiB bitmap, in L1);
/// where one may, an Aho–Corasick automaton takes over until nothing is open again. The common path (no match)
/// allocates nothing per chunk.</para>
/// <para>Not thread-safe: one instance per stream. Call <see cref="Flush"/> at the end of the stream, then dispose.</para>
/// </remarks>
public sealed partial class StreamingRedactor : IDisposable
{
    private readonly SecretPatternSet _set;
    private readonly ByteAutomaton _ac;
    private readonly CredentialDetector[] _detectors;
    private readonly int[] _secretCounts;
    private readonly int[] _detectorCounts;

    private int _state;
    private bool _skipping = true;   // testing positions with the gram filter instead of running the automaton
    private long _entered;           // where the automaton was last entered from its root
    private long _position;   // bytes consumed
    private long _resolved;   // every byte before this is decided: plain, or inside a committed match
    private long _emitted;    // every byte before this has been written or replaced

    // The undecided bytes [_position - _heldCount, _position), kept between chunks, and the byte just before them.
    private byte[] _held = [];
    private int _heldCount;
    private int _beforeHeld = -1;

    // Matches found but not yet committed, ordered by start; one per start (the longest).
    private long[] _pendingStart = new long[8];
    private int[] _pendingLength = new int[8];
    private int[] _pendingId = new int[8];   // secret pattern id, or ~detector index
    private int _pendingHead;
    private int _pendingCount;

    // Detector tokens whose prefix was seen and whose extent is still being read; at most one per detector.
    private readonly Candidate[] _candidates;
    private int _candidateCount;

    // The last committed match (with whatever overlapping matches it absorbed): where it ends, and whose markers it
    // has written (secret index, or ~detector index), so that each owner is named once per region.
    private long _lastMatchEnd = -1;
    private readonly List<int> _regionOwners = new(4);

    private byte[]? _scratch;
    private bool _finished;

    internal StreamingRedactor(SecretPatternSet set)
    {
        _set = set;
        _ac = set.Automaton;
        _detectors = [.. set.Detectors.Detectors];
        _secretCounts = new int[set.SecretNames.Count];
        _detectorCounts = new int[_detectors.Length];
        _candidates = new Candidate[Math.Max(1, _detectors.Length)];
    }

    /// <summary>Redactions so far, per secret name and per <c>detector:&lt;kind&gt;</c>, in name order; never values.</summary>
    public IReadOnlyList<RedactionCount> Redactions
    {
        get
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _secretCounts.Length; i++)
            {
                if (_secretCounts[i] > 0)
                {
                    counts[_set.SecretNames[i]] = _secretCounts[i];
                }
            }

            for (var d = 0; d < _detectorCounts.Length; d++)
            {
                if (_detectorCounts[d] > 0)
                {
                    var name = "detector:" + _detectors[d].Kind;
                    counts[name] = counts.GetValueOrDefault(name) + _detectorCounts[d];
                }
            }

            return [.. counts.Select(c => new RedactionCount(c.Key, c.Value))];
        }
    }

    /// <summary>The total number of redactions so far.</summary>
    public int TotalRedactions => _secretCounts.Sum() + _detectorCounts.Sum();

    /// <summary>Bytes read but not yet written, because they may still be the start of a match.</summary>
    public int HeldBackBytes => _heldCount;

    /// <summary>
    /// Reads <paramref name="chunk"/> and writes to <paramref name="output"/> everything that is now known not to be
    /// part of a match, with matches replaced.
    /// </summary>
    public void Process(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_finished, this);
        var window = new Window(chunk, _position, output);
        var chunkStart = _position;
        var i = 0;
        while (i < chunk.Length)
        {
            if (_skipping)
            {
                var hit = FindGram(chunk, i);
                if (hit < 0)
                {
                    // No match starts before the last two bytes. Those cannot be tested without the next chunk, so
                    // the automaton reads them: bytes that begin no pattern (an SSE event's "\n\n") go out now.
                    var tail = Math.Max(i, chunk.Length - (ByteAutomaton.GramLength - 1));
                    _resolved = Math.Max(_resolved, chunkStart + tail);
                    if (tail < chunk.Length)
                    {
                        Enter(chunkStart + tail);
                        RunAutomaton(chunk, tail, in window, mayResumeSkipping: false);
                    }

                    break;
                }

                _resolved = Math.Max(_resolved, chunkStart + hit);
                Enter(chunkStart + hit);
                i = hit;
            }

            i = RunAutomaton(chunk, i, in window, mayResumeSkipping: true);
        }

        _position = chunkStart + chunk.Length;
        if (!_skipping && _pendingCount == 0 && _candidateCount == 0)
        {
            _resolved = Math.Max(_resolved, _position - _ac.LiveDepth[_state]);
        }

        WritePlain(_resolved, in window);
        Hold(in window);
    }

    /// <summary>Leaves skipping: the automaton starts from its root at <paramref name="position"/>.</summary>
    private void Enter(long position)
    {
        _skipping = false;
        _state = ByteAutomaton.Root;
        _entered = position;
    }

    /// <summary>
    /// Runs the automaton over <paramref name="chunk"/> from <paramref name="i"/> until the chunk ends, or until nothing
    /// is open and at most two bytes could still begin a match (then skipping resumes there); returns where it stopped.
    /// </summary>
    private int RunAutomaton(ReadOnlySpan<byte> chunk, int i, in Window window, bool mayResumeSkipping)
    {
        var ac = _ac;
        var dense = ac.DenseTable;
        var denseCount = ac.DenseCount;
        var classCount = ac.ClassCount;
        var byteClass = ac.ByteClass;
        var state = _state;
        var chunkStart = window.ChunkStart;
        var busy = _pendingCount > 0 || _candidateCount > 0;
        for (; i < chunk.Length; i++)
        {
            var b = chunk[i];
            var next = state < denseCount ? dense[(state * classCount) + byteClass[b]] : ac.StepSparse(state, b);
            state = next & ByteAutomaton.StateMask;
            if (busy || (next & ByteAutomaton.OutputFlag) != 0)
            {
                _state = state;
                Slow(next, b, chunkStart + i, in window);
                busy = _pendingCount > 0 || _candidateCount > 0;
            }

            // INVARIANT: skipping resumes only past the byte where the automaton was entered, so every stint of the
            // automaton consumes at least one byte and the filter re-tests at most two: the scan stays linear.
            if (mayResumeSkipping && !busy && (next & ByteAutomaton.ShallowFlag) != 0)
            {
                var resume = chunkStart + i + 1 - ac.LiveDepth[state];
                if (resume > _entered && resume >= chunkStart)
                {
                    _state = state;
                    _skipping = true;
                    _resolved = Math.Max(_resolved, resume);
                    return (int)(resume - chunkStart);
                }
            }
        }

        _state = state;
        return i;
    }

    /// <summary>The rare path for one byte: detector tokens, matches ending here, pending matches.</summary>
    private void Slow(int next, byte b, long p, in Window window)
    {
        if (_candidateCount > 0)
        {
            StepCandidates(b, p, in window);
        }

        if ((next & ByteAutomaton.OutputFlag) != 0)
        {
            OnOutputs(_ac.FirstOutputNode[next & ByteAutomaton.StateMask], p, in window);
        }

        if (_pendingCount > 0 || _candidateCount > 0)
        {
            Resolve(p + 1 - _ac.LiveDepth[next & ByteAutomaton.StateMask], in window);
        }
    }

    /// <summary>The first index at or after <paramref name="from"/> where a pattern's first three bytes may begin, or -1.</summary>
    private int FindGram(ReadOnlySpan<byte> chunk, int from)
    {
        var filter = _ac.GramFilter;
        ref var start = ref MemoryMarshal.GetReference(chunk);
        var j = from;

        // Four-byte reads while four bytes remain; the low three are the gram.
        for (var last = chunk.Length - 4; j <= last; j++)
        {
            var h = ByteAutomaton.GramHash(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, j)) & 0xFFFFFF);
            if ((filter[h >> 6] & (1UL << (int)h)) != 0)
            {
                return j;
            }
        }

        for (var last = chunk.Length - ByteAutomaton.GramLength; j <= last; j++)
        {
            var h = ByteAutomaton.GramHash((uint)(chunk[j] | (chunk[j + 1] << 8) | (chunk[j + 2] << 16)));
            if ((filter[h >> 6] & (1UL << (int)h)) != 0)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Ends the stream: settles open tokens and writes every remaining byte.</summary>
    public void Flush(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_finished, this);
        var window = new Window([], _position, output);
        while (_candidateCount > 0)
        {
            Close(0, in window);
        }

        Resolve(long.MaxValue, in window);
        _resolved = _position;
        WritePlain(_position, in window);
        _finished = true;
        ReturnBuffers();
    }

    public void Dispose()
    {
        _finished = true;
        ReturnBuffers();
    }

    public override string ToString() => $"StreamingRedactor({_position} bytes read, {TotalRedactions} redactions)";

    private void OnOutputs(int node, long p, in Window window)
    {
        var ac = _ac;
        for (var n = node; n >= 0; n = ac.OutputLink[n])
        {
            var start = p + 1 - ac.Depth[n];
            var secret = ac.SecretOutput[n];
            if (start < _resolved)
            {
                // It starts inside the last committed match (nothing else before _resolved can still match): its
                // remainder is redacted too, so no part of an overlapping secret is written out.
                if (secret >= 0 && start < _lastMatchEnd && p + 1 > _lastMatchEnd)
                {
                    ExtendMatch(p + 1, secret, in window);
                }

                continue;
            }

            if (secret >= 0)
            {
                AddPending(start, ac.Depth[n], secret);
            }

            var prefix = ac.PrefixOutput[n];
            if (prefix >= 0)
            {
                TryOpen(prefix, start, p, in window);
            }
        }
    }

    /// <summary>Commits every pending match that nothing still open could outrank, then advances the decided point.</summary>
    private void Resolve(long automatonBoundary, in Window window)
    {
        var boundary = Boundary(automatonBoundary);
        while (_pendingCount > 0 && _pendingStart[_pendingHead] < boundary)
        {
            var start = _pendingStart[_pendingHead];
            var length = _pendingLength[_pendingHead];
            var id = _pendingId[_pendingHead];
            var end = start + length;
            _pendingHead++;
            _pendingCount--;
            WritePlain(start, in window);
            _regionOwners.Clear();
            _lastMatchEnd = start;
            ExtendMatch(end, id, in window);
            boundary = Boundary(automatonBoundary);
        }

        if (_pendingCount == 0)
        {
            _pendingHead = 0;
        }

        if (boundary > _resolved)
        {
            _resolved = Math.Min(boundary, _position + window.Chunk.Length);
        }
    }

    /// <summary>
    /// Redacts up to <paramref name="end"/>, continuing the match that ends at <see cref="_lastMatchEnd"/> (bytes up to
    /// there are already replaced). An owner not yet named in this region gets its own marker:
    /// <c>[REDACTED:a][REDACTED:b]</c>; each owner is named (and counted) once per region, so overlapping secrets cannot
    /// blow the output up. Whatever starts inside the extended match is absorbed the same way.
    /// </summary>
    private void ExtendMatch(long end, int id, in Window window)
    {
        while (true)
        {
            if (end > _lastMatchEnd)
            {
                var owner = id >= 0 ? _set.PatternSecret[id] : id;
                if (!_regionOwners.Contains(owner))
                {
                    if (id >= 0)
                    {
                        _secretCounts[owner]++;
                        window.Output.Write(_set.SecretReplacement[owner]);
                    }
                    else
                    {
                        _detectorCounts[~id]++;
                        window.Output.Write(_detectors[~id].Replacement);
                    }

                    _regionOwners.Add(owner);
                }

                _lastMatchEnd = end;
                _emitted = end;
                _resolved = Math.Max(_resolved, end);
            }

            if (_pendingCount == 0 || _pendingStart[_pendingHead] >= _lastMatchEnd)
            {
                break;
            }

            end = _pendingStart[_pendingHead] + _pendingLength[_pendingHead];
            id = _pendingId[_pendingHead];
            _pendingHead++;
            _pendingCount--;
        }

        for (var k = _candidateCount - 1; k >= 0; k--)
        {
            if (_candidates[k].Start < _lastMatchEnd)
            {
                RemoveCandidate(k);
            }
        }
    }

    private long Boundary(long automatonBoundary)
    {
        var boundary = automatonBoundary;
        for (var k = 0; k < _candidateCount; k++)
        {
            boundary = Math.Min(boundary, _candidates[k].Start);
        }

        return boundary;
    }
}
