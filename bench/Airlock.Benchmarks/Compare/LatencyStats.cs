namespace Airlock.Benchmarks.Compare;

/// <summary>Per-call latency of one engine on one policy set, in microseconds.</summary>
internal sealed record LatencyStats(double MedianUs, double P90Us, int Samples);
