using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Airlock.Benchmarks;

/// <summary>BenchmarkDotNet settings sized for a 2-core, shared, noisy machine.</summary>
internal static class BenchmarkConfigs
{
    /// <summary>
    /// One process per benchmark, 3 warm-up and 15 measured iterations of about 200 ms each: enough samples for a
    /// stable median on a noisy host while the whole suite finishes in a few minutes.
    /// </summary>
    public static IConfig Standard() => Base(
        Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithId("Airlock"));

    /// <summary>A smoke run: in-process, one short warm-up and three short iterations; numbers are indicative only.</summary>
    public static IConfig Quick() => Base(
        Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithIterationTime(TimeInterval.FromMilliseconds(50))
            .WithId("Quick"));

    private static IConfig Base(Job job) => ManualConfig.CreateMinimumViable()
        .AddJob(job)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .WithOptions(ConfigOptions.JoinSummary)
        // The default two minutes to build the generated project is not enough on a loaded 2-core host.
        .WithBuildTimeout(TimeSpan.FromMinutes(10));
}
