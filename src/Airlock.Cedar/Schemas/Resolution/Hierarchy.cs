namespace Airlock.Cedar.Schemas.Resolution;

/// <summary>Graph helpers for membership hierarchies and common-type references, written without recursion.</summary>
internal static class Hierarchy
{
    /// <summary>
    /// Tarjan's strongly connected components of the graph given by <paramref name="successors"/>.
    /// A component is returned only after every component it can reach, so dependencies come first.
    /// </summary>
    public static List<List<T>> Components<T>(IReadOnlyList<T> nodes, Func<T, IReadOnlyList<T>> successors)
        where T : notnull
    {
        var index = new Dictionary<T, int>();
        var low = new Dictionary<T, int>();
        var onStack = new HashSet<T>();
        var stack = new Stack<T>();
        var result = new List<List<T>>();
        var work = new Stack<(T Node, int Next)>();
        foreach (var start in nodes)
        {
            if (index.ContainsKey(start))
            {
                continue;
            }

            Visit(start);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var edges = successors(node);
                if (next < edges.Count)
                {
                    work.Push((node, next + 1));
                    var target = edges[next];
                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        Visit(target);
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], targetIndex);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<T>();
                    T member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!EqualityComparer<T>.Default.Equals(member, node));
                    result.Add(component);
                }
            }
        }

        return result;

        void Visit(T node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            work.Push((node, 0));
        }
    }

    /// <summary>True when a component is a cycle: several members, or one member that is its own successor.</summary>
    public static bool IsCycle<T>(List<T> component, Func<T, IReadOnlyList<T>> successors)
        where T : notnull =>
        component.Count > 1 || successors(component[0]).Contains(component[0]);

    /// <summary>Transitive ancestors of every node, where <paramref name="parents"/> gives direct parents; members of a cycle are their own ancestors.</summary>
    public static Dictionary<T, HashSet<T>> Ancestors<T>(IReadOnlyList<T> nodes, Func<T, IReadOnlyList<T>> parents)
        where T : notnull
    {
        var ancestors = new Dictionary<T, HashSet<T>>();
        foreach (var component in Components(nodes, parents))
        {
            var members = new HashSet<T>(component);
            var all = new HashSet<T>();
            foreach (var member in component)
            {
                foreach (var parent in parents(member))
                {
                    all.Add(parent);
                    if (!members.Contains(parent) && ancestors.TryGetValue(parent, out var further))
                    {
                        all.UnionWith(further);
                    }
                }
            }

            foreach (var member in component)
            {
                ancestors[member] = all;
            }
        }

        return ancestors;
    }
}
