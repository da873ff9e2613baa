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

    /// <summary>Set on an encoded transition (see <see cref="Step"/>) when the target node ends an output or has one on its failure path.</summary>
    public const int OutputFlag = 1 << 30;

    /// <summary>Set on an encoded transition when the target's <see cref="LiveDepth"/> is below <see cref="GramLength"/>.</summary>
    public const int ShallowFlag = 1 << 29;

    /// <summary>Masks the node id out of an encoded transition.</summary>
    public const int StateMask = ShallowFlag - 1;

    /// <summary>The gram filter looks at this many bytes: every pattern and prefix is at least this long.</summary>
    public const int GramLength = 3;

    private const int GramBits = 16;

    // Memory for dense rows, in table entries (4 bytes each): 4 MiB. Nodes get rows in breadth-first order until it
    // runs out; the rest stay sparse (still linear, a little slower). See bench/README.md, "Leak redaction".
    private const int DenseBudgetEntries = 1024 * 1024;

    private readonly int[] _childStart;   // CSR: children of node n are [_childStart[n], _childStart[n + 1])
    private readonly byte[] _childKeys;
    private readonly int[] _childTargets;
    private readonly int[] _fail;
    private readonly int[] _denseRow;     // offset into _dense, or -1
    private readonly int[] _class = new int[256];
    private int _classCount;
    private int _denseCount;
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
        FirstOutputNode = new int[nodeCount];
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

    /// <summary>The first node at or on the failure path of each node that ends something (secret or prefix), or -1.</summary>
    public int[] FirstOutputNode { get; }

    /// <summary>
    /// A bitmap over hashed 3-byte grams: the first three bytes of every pattern and prefix set their bit, so a position
    /// whose gram's bit is clear starts no match. 8 KiB, so it stays in L1 while a scan skips text with it.
    /// </summary>
    public ulong[] GramFilter { get; } = new ulong[(1 << GramBits) / 64];

    /// <summary>The bit of <see cref="GramFilter"/> for the gram whose bytes are <paramref name="gram"/> (little-endian, 3 bytes).</summary>
    public static uint GramHash(uint gram) => (gram * 2654435761u) >> (32 - GramBits);

    /// <summary>Nodes 0 … <see cref="DenseCount"/> − 1 have dense rows: entry <c>node × ClassCount + ByteClass[b]</c> of <see cref="DenseTable"/>.</summary>
    public int DenseCount => _denseCount;

    /// <summary>Columns per dense row.</summary>
    public int ClassCount => _classCount;

    /// <summary>Dense rows of encoded transitions (node id, plus <see cref="OutputFlag"/>).</summary>
    public int[] DenseTable => _dense;

    /// <summary>The class of each byte value, the column in a dense row.</summary>
    public int[] ByteClass => _class;

    /// <summary>The first output node at or on the failure path of <paramref name="node"/>, or -1.</summary>
    public int FirstOutput(int node) => FirstOutputNode[node];

    /// <summary>The state after reading <paramref name="b"/> in <paramref name="state"/>.</summary>
    public int Next(int state, byte b) => Step(state, b) & StateMask;

    /// <summary>The encoded transition: the next node id, with <see cref="OutputFlag"/> set when an output ends there.</summary>
    public int Step(int state, byte b) =>
        state < _denseCount ? _dense[(state * _classCount) + _class[b]] : StepSparse(state, b);

    /// <summary><see cref="Step"/> for a node without a dense row.</summary>
    public int StepSparse(int state, byte b)
    {
        return Encode(NextSparse(state, b));
    }

    /// <summary><see cref="Next"/> for a node without a dense row: its children, then the failure path.</summary>
    public int NextSparse(int state, byte b)
    {
        while (true)
        {
            var row = _denseRow[state];
            if (row >= 0)
            {
                return _dense[row + _class[b]] & StateMask;
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
        foreach (var pattern in secretPatterns.Concat(prefixes))
        {
            automaton.AddGram(pattern);
        }

        return automaton;
    }

    private int Encode(int node) =>
        node | (FirstOutputNode[node] >= 0 ? OutputFlag : 0) | (LiveDepth[node] < GramLength ? ShallowFlag : 0);

    private void AddGram(byte[] pattern)
    {
        if (pattern.Length < GramLength)
        {
            // Cannot happen with the minimum secret length and the built-in prefixes; if it did, never skip anything.
            Array.Fill(GramFilter, ulong.MaxValue);
            return;
        }

        var h = GramHash((uint)(pattern[0] | (pattern[1] << 8) | (pattern[2] << 16)));
        GramFilter[h >> 6] |= 1UL << (int)h;
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

        for (var node = 0; node < NodeCount; node++)
        {
            FirstOutputNode[node] = SecretOutput[node] >= 0 || PrefixOutput[node] >= 0 ? node : outputLink[node];
        }

        // Byte classes: each byte that occurs in a pattern is its own class; all others share class 0 (from every
        // state they lead back to the root).
        var used = new bool[256];
        foreach (var k in _childKeys)
        {
            used[k] = true;
        }

        _classCount = 1;
        var representative = new List<int> { -1 };
        for (var b = 0; b < 256; b++)
        {
            if (used[b])
            {
                _class[b] = _classCount++;
                representative.Add(b);
            }
        }

        // Dense rows in breadth-first (= node id) order, so a failure target's row is always filled before the rows
        // that consult it, and the shallow nodes a scan spends its time in get rows first.
        var rows = Math.Max(1, Math.Min(NodeCount, DenseBudgetEntries / _classCount));
        _dense = new int[rows * _classCount];
        for (var node = 0; node < rows; node++)
        {
            var offset = node * _classCount;
            _dense[offset] = Encode(Root);
            for (var c = 1; c < _classCount; c++)
            {
                var b = (byte)representative[c];
                var child = Child(node, b);
                _dense[offset + c] = child >= 0
                    ? Encode(child)
                    : node == Root ? Encode(Root) : _dense[_denseRow[_fail[node]] + c];
            }

            _denseRow[node] = offset;
        }

        _denseCount = rows;
    }
}
