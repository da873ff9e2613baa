namespace Airlock.Cedar.Differential.Generation;

/// <summary>A seeded random source with the few helpers generators need; the same seed gives the same cases.</summary>
public sealed class Rng(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public int Int(int min, int max) => random.Next(min, max + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A seed for a child generator, so that adding draws to one part does not shift another.</summary>
    public int Fork() => random.Next();

    /// <summary>Up to <paramref name="max"/> distinct items, in random order.</summary>
    public List<T> Some<T>(IReadOnlyList<T> items, int max)
    {
        var copy = items.ToList();
        var count = Int(0, Math.Min(max, copy.Count));
        var chosen = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(copy.Count);
            chosen.Add(copy[j]);
            copy.RemoveAt(j);
        }

        return chosen;
    }
}
