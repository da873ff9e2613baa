using System.Buffers;
using Airlock.Core.Leaks;
using Airlock.Core.Leaks.Sse;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>What ships: the delta redactor, then the byte-level redactor over what it writes, chunk by chunk.</summary>
internal static class SsePipeline
{
    public sealed record Result(
        byte[] Output,
        byte[] AfterDeltaRedactor,
        IReadOnlyList<RedactionCount> DeltaRedactions,
        IReadOnlyList<RedactionCount> ByteRedactions,
        bool PassingThrough);

    /// <summary>Runs <paramref name="input"/> cut at <paramref name="cuts"/> (ascending offsets).</summary>
    public static Result Run(SecretPatternSet set, byte[] input, int[] cuts, SseDeltaRedactorOptions? options = null)
    {
        var afterDelta = new ArrayBufferWriter<byte>();
        var output = new ArrayBufferWriter<byte>();
        var step = new ArrayBufferWriter<byte>();
        using var deltaRedactor = new SseDeltaRedactor(set, options);
        using var byteRedactor = set.CreateRedactor();

        void Forward()
        {
            afterDelta.Write(step.WrittenSpan);
            byteRedactor.Process(step.WrittenSpan, output);
            step.ResetWrittenCount();
        }

        var from = 0;
        foreach (var cut in cuts.Append(input.Length))
        {
            deltaRedactor.Process(input.AsSpan(from, cut - from), step);
            Forward();
            from = cut;
        }

        deltaRedactor.Flush(step);
        Forward();
        byteRedactor.Flush(output);
        return new Result(output.WrittenSpan.ToArray(), afterDelta.WrittenSpan.ToArray(), deltaRedactor.Redactions, byteRedactor.Redactions, deltaRedactor.PassingThrough);
    }

    /// <summary>
    /// Chunkings of a body of <paramref name="length"/> bytes: whole, one byte at a time (a boundary at every offset),
    /// a seeded sample of single cuts and of random multi-cuts.
    /// </summary>
    public static IEnumerable<int[]> Chunkings(Random random, int length, int singleCuts = 24, int multiCuts = 12)
    {
        yield return [];
        yield return [.. Enumerable.Range(1, Math.Max(0, length - 1))];
        for (var i = 0; i < singleCuts; i++)
        {
            yield return [random.Next(length + 1)];
        }

        for (var i = 0; i < multiCuts; i++)
        {
            yield return LeakTestKit.RandomCuts(random, length, 40);
        }
    }
}
