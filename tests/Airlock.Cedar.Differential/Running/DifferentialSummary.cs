using System.Globalization;

namespace Airlock.Cedar.Differential.Running;

/// <summary>The outcome of a differential run.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Passed">Cases on which the engines agreed on every check.</param>
/// <param name="Failed">Cases with at least one disagreement.</param>
/// <param name="BySignature">Disagreements counted by signature (what differs, and why for a one-sided rejection).</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record DifferentialSummary(int Seed, int Passed, int Failed, IReadOnlyDictionary<string, int> BySignature, TimeSpan Elapsed)
{
    /// <summary>Writes the summary; its last line is exactly <c>N passed, N failed</c>.</summary>
    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var total = Passed + Failed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"differential run with seed {Seed}: {total} cases in {Elapsed.TotalSeconds:0.0} s ({total / Math.Max(Elapsed.TotalSeconds, 0.001):0} cases/s)"));
        foreach (var (signature, count) in BySignature.OrderByDescending(p => p.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,7} disagreements: {signature}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed"));
    }
}
