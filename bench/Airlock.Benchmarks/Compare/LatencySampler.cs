using System.Diagnostics;

namespace Airlock.Benchmarks.Compare;

/// <summary>
/// Times single calls with <see cref="Stopwatch.GetTimestamp"/>, the C# twin of the Node script's
/// <c>process.hrtime.bigint()</c> loop: the same warm-up rule, the same sample count, the median of per-call times.
/// </summary>
internal static class LatencySampler
{
    public static LatencyStats Measure<T>(Func<T> call, CompareOptions options)
    {
        // At least WarmupCalls calls and WarmupMs of calling, so tiered compilation has promoted the hot path.
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; n < options.WarmupCalls || Stopwatch.GetElapsedTime(start).TotalMilliseconds < options.WarmupMs; n++)
        {
            GC.KeepAlive(call());
        }

        var samples = new double[options.Iterations];
        for (var i = 0; i < samples.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var result = call();
            var t1 = Stopwatch.GetTimestamp();
            GC.KeepAlive(result);
            samples[i] = (t1 - t0) * 1_000_000.0 / Stopwatch.Frequency;
        }

        Array.Sort(samples);
        double At(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
        return new LatencyStats(At(0.5), At(0.9), samples.Length);
    }
}
