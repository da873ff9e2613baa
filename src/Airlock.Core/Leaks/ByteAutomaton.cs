namespace Airlock.Core.Leaks;

/// <summary>
/// An Aho–Corasick automaton over bytes: one pass, each input byte moves the state once plus failure steps that are
/// paid for by earlier forward steps, so a scan is linear in the input (plus the matches reported) whatever the
/// patterns or the input. The root and wide nodes carry a full 256-entry row (one lookup); other nodes keep sorted
/// children and fall back along failure links.
/// </summary>
/// <remarks>
/// Each node may end one secret pattern and one detector prefix (separate ids). <see cref="OutputLink"/> chains the
/// nodes on the failure path that end something, longest first.
/// </remarks>
internal sealed class ByteAutomaton
{
    public const int Root = 0;

    // Rows are 1 KiB each; beyond this many the remaining wide nodes stay sparse (still linear, only slower).
    private const int MaxDenseRows = 4096;
    private const int DenseFanout = 6;

    private readonly int[] _childStart;   // CSR: children of node n are [_childStart[n], _childStart[n + 1])
    private readonly byte[] _childKeys;
    private readonly int[] _childTargets;
    private readonly int[] _fail;
    private readonly int[] _denseRow;     // offset into _dense, or -1
    private int[] _dense;

    private ByteAutomaton(int nodeCount, int[] childStart, byte[] childKeys, int[] childTargets, int[] fail, int[] depth)
    {
        _childStart = childStart;
        _childKeys = childKeys;
        _childTargets = childTargets;
        _fail = fail;
        Depth = depth;
        NodeCount = nodeCount;
        SecretOutput = new int[nodeCount];
        PrefixOutput = new int[nodeCount];
        Array.Fill(SecretOutput, -1);
        Array.Fill(PrefixOutput, -1);
        OutputLink = new int[nodeCount];
        LiveDepth = new int[nodeCount];
        _denseRow = new int[nodeCount];
        Array.Fill(_denseRow, -1);
        _dense = [];
    }

    public int NodeCount { get; }

    /// <summary>Length of the string that leads to each node.</summary>
    public int[] Depth { get; }

    /// <summary>The secret pattern id that ends at each node, or -1.</summary>
    public int[] SecretOutput { get; }

    /// <summary>The detector prefix id that ends at each node, or -1.</summary>
    public int[] PrefixOutput { get; }

    /// <summary>The nearest node on the failure path (excluding the node itself) that ends something, or -1.</summary>
    public int[] OutputLink { get; private set; }

    /// <summary>
    /// The depth of the longest suffix of the text so far that can still grow into a match: the deepest node on the
    /// failure path (including the node itself) that has children. Bytes before that suffix can start no future match.
    /// </summary>
    public int[] LiveDepth { get; }

    /// <summary>Whether any output (secret or prefix) ends at or on the failure path of <paramref name="node"/>: the first such node, or -1.</summary>
    public int FirstOutput(int node) => SecretOutput[node] >= 0 || PrefixOutput[node] >= 0 ? node : OutputLink[node];

    /// <summary>The state after reading <paramref name="b"/> in <paramref name="state"/>.</summary>
    public int Next(int state, byte b)
    {
        while (true)
        {
            var row = _denseRow[state];
            if (row >= 0)
            {
                return _dense[row + b];
            }

            var start = _childStart[state];
            var end = _childStart[state + 1];
            for (var i = start; i < end; i++)
            {
                if (_childKeys[i] == b)
                {
                    return _childTargets[i];
                }
            }

            state = _fail[state];
        }
    }

    /// <summary>
    /// Builds the automaton. Secret patterns are given in priority order: when two are byte-identical the first keeps
    /// the node. Detector prefixes are tracked separately so a secret equal to a prefix still matches.
    /// </summary>
    public static ByteAutomaton Build(IReadOnlyList<byte[]> secretPatterns, IReadOnlyList<byte[]> prefixes)
    {
        // Trie as first-child/next-sibling lists while building.
        var firstChild = new List<int> { -1 };
        var nextSibling = new List<int> { -1 };
        var key = new List<byte> { 0 };
        var depthList = new List<int> { 0 };
        var secretAt = new List<int> { -1 };
        var prefixAt = new List<int> { -1 };

        int Insert(byte[] pattern)
        {
            var node = Root;
            foreach (var b in pattern)
            {
                var child = firstChild[node];
                while (child >= 0 && key[child] != b)
                {
                    child = nextSibling[child];
                }

                if (child < 0)
                {
                    child = key.Count;
                    key.Add(b);
                    firstChild.Add(-1);
                    nextSibling.Add(firstChild[node]);
                    depthList.Add(depthList[node] + 1);
                    secretAt.Add(-1);
                    prefixAt.Add(-1);
                    firstChild[node] = child;
                }

                node = child;
            }

            return node;
        }

        for (var id = 0; id < secretPatterns.Count; id++)
        {
            var node = Insert(secretPatterns[id]);
            if (secretAt[node] < 0)
            {
                secretAt[node] = id;
            }
        }

        for (var id = 0; id < prefixes.Count; id++)
        {
            var node = Insert(prefixes[id]);
            if (prefixAt[node] < 0)
            {
                prefixAt[node] = id;
            }
        }

        var count = key.Count;

        // Breadth-first order gives each node's failure target before the node itself.
        var order = new int[count];
        var head = 0;
        var tail = 0;
        order[tail++] = Root;
        while (head < tail)
        {
            var node = order[head++];
            for (var child = firstChild[node]; child >= 0; child = nextSibling[child])
            {
                order[tail++] = child;
            }
        }

        // Renumber in breadth-first order so children of a node are contiguous and sorted by key.
        var newId = new int[count];
        for (var i = 0; i < count; i++)
        {
            newId[order[i]] = i;
        }

        var childStart = new int[count + 1];
        var childKeys = new byte[Math.Max(0, count - 1)];
        var childTargets = new int[Math.Max(0, count - 1)];
        var depth = new int[count];
        var cursor = 0;
        var scratch = new List<(byte Key, int Target)>();
        for (var i = 0; i < count; i++)
        {
            var old = order[i];
            depth[i] = depthList[old];
            childStart[i] = cursor;
            scratch.Clear();
            for (var child = firstChild[old]; child >= 0; child = nextSibling[child])
            {
                scratch.Add((key[child], newId[child]));
            }

            scratch.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            foreach (var (k, target) in scratch)
            {
                childKeys[cursor] = k;
                childTargets[cursor] = target;
                cursor++;
            }
        }

        childStart[count] = cursor;

        var fail = new int[count];
        var automaton = new ByteAutomaton(count, childStart, childKeys, childTargets, fail, depth);
        for (var i = 0; i < count; i++)
        {
            automaton.SecretOutput[i] = secretAt[order[i]];
            automaton.PrefixOutput[i] = prefixAt[order[i]];
        }

        automaton.Link();
        return automaton;
    }

    private int Child(int node, byte b)
    {
        for (var i = _childStart[node]; i < _childStart[node + 1]; i++)
        {
            if (_childKeys[i] == b)
            {
                return _childTargets[i];
            }
        }

        return -1;
    }

    /// <summary>Failure links, output links, live depths and dense rows, in breadth-first (= node id) order.</summary>
    private void Link()
    {
        var outputLink = OutputLink;
        outputLink[Root] = -1;
        LiveDepth[Root] = 0;
        for (var node = 0; node < NodeCount; node++)
        {
            for (var i = _childStart[node]; i < _childStart[node + 1]; i++)
            {
                var child = _childTargets[i];
                var b = _childKeys[i];
                var f = node == Root ? -1 : _fail[node];
                var target = Root;
                while (f >= 0)
                {
                    var next = Child(f, b);
                    if (next >= 0)
                    {
                        target = next;
                        break;
                    }

                    f = f == Root ? -1 : _fail[f];
                }

                _fail[child] = target;
            }

            if (node != Root)
            {
                var f = _fail[node];
                outputLink[node] = SecretOutput[f] >= 0 || PrefixOutput[f] >= 0 ? f : outputLink[f];
                LiveDepth[node] = _childStart[node + 1] > _childStart[node] ? Depth[node] : LiveDepth[f];
            }
        }

        // Dense rows: the root always, then shallow or wide inner nodes, each a full transition row. Rows are filled
        // in node order, so the failure targets a row consults already have theirs.
        var chosen = new List<int>();
        for (var node = 0; node < NodeCount && chosen.Count < MaxDenseRows; node++)
        {
            var fanout = _childStart[node + 1] - _childStart[node];
            if (node == Root || (fanout > 0 && (Depth[node] <= 1 || fanout >= DenseFanout)))
            {
                chosen.Add(node);
            }
        }

        _dense = new int[chosen.Count * 256];
        for (var r = 0; r < chosen.Count; r++)
        {
            var node = chosen[r];
            var offset = r * 256;
            for (var b = 0; b < 256; b++)
            {
                var child = Child(node, (byte)b);
                _dense[offset + b] = child >= 0 ? child : node == Root ? Root : Next(_fail[node], (byte)b);
            }

            _denseRow[node] = offset;
        }
    }
}
