using System.Diagnostics;
using System.Globalization;
using Airlock.Cedar.Differential.Generation;
using Airlock.Cedar.Differential.Oracle;

namespace Airlock.Cedar.Differential.Running;

/// <summary>
/// Generates groups of cases from the seed and runs them on workers, each owning one long-lived node oracle
/// and one Airlock.Cedar decider; prints each disagreement as it is found, then the summary.
/// </summary>
public sealed class DifferentialRunner(DifferentialOptions options, TextWriter output)
{
    /// <summary>How many disagreements of one signature are printed in full, unless all are asked for.</summary>
    public const int PerKind = 5;

    private readonly Dictionary<string, int> bySignature = [];
    private readonly Lock gate = new();
    private int passed;
    private int failed;
    private int shown;

    public DifferentialSummary Run()
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var cases = options.GroupSeed is null ? options.Cases : DifferentialOptions.CasesPerGroup;
        var groups = (cases + DifferentialOptions.CasesPerGroup - 1) / DifferentialOptions.CasesPerGroup;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"differential: seed {options.Seed}, {cases} cases, {options.Workers} workers (rerun with --seed {options.Seed})"));
        var nextGroup = -1;
        var lastProgress = clock.Elapsed;
        var workers = Enumerable.Range(0, Math.Min(options.Workers, groups)).Select(_ => Task.Run(() =>
        {
            using var oracle = OracleProcess.Start();
            var native = new NativeDecider();
            var decider = new OracleDecider(oracle);
            var comparer = new GroupComparer(native, decider);
            var shrinker = new Shrinker(native, decider);
            for (var g = Interlocked.Increment(ref nextGroup); g < groups; g = Interlocked.Increment(ref nextGroup))
            {
                var size = Math.Min(DifferentialOptions.CasesPerGroup, cases - (g * DifferentialOptions.CasesPerGroup));
                var group = ScenarioGenerator.Generate(options.GroupSeed ?? GroupSeed(options.Seed, g), size, DifferentialOptions.RequestsPerCase);
                var (ok, disagreements) = comparer.Compare(group);
                Record(size, ok, disagreements, shrinker);
                if (clock.Elapsed - lastProgress > TimeSpan.FromSeconds(15))
                {
                    lastProgress = clock.Elapsed;
                    Progress(clock.Elapsed);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        return new DifferentialSummary(options.Seed, passed, failed, bySignature, clock.Elapsed);
    }

    /// <summary>The seed of group <paramref name="index"/>: independent of how many workers run and in which order.</summary>
    public static int GroupSeed(int seed, int index)
    {
        // SplitMix64 finaliser over (seed, index).
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    // Prints at most a few disagreements of each kind (all with --show 0), each shrunk first: the same
    // root cause tends to show up thousands of times.
    private void Record(int size, int ok, List<Disagreement> disagreements, Shrinker shrinker)
    {
        var toPrint = new List<Disagreement>();
        lock (gate)
        {
            passed += ok;
            failed += size - ok;
            foreach (var d in disagreements)
            {
                var seen = bySignature[d.Signature] = bySignature.GetValueOrDefault(d.Signature) + 1;
                if (options.Show == 0 || (seen <= PerKind && shown + toPrint.Count < options.Show))
                {
                    toPrint.Add(d);
                }
            }
        }

        var shrunk = toPrint.Select(shrinker.Shrink).ToList();
        lock (gate)
        {
            foreach (var d in shrunk)
            {
                ReproducerWriter.Write(output, d, ++shown, options.Seed);
                output.WriteLine($"    (this group alone: --seed {options.Seed} --group-seed {d.Group.Seed})");
            }
        }
    }

    private void Progress(TimeSpan elapsed)
    {
        lock (gate)
        {
            var done = passed + failed;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... {done} cases, {failed} with disagreements, {done / elapsed.TotalSeconds:0} cases/s"));
        }
    }
}
