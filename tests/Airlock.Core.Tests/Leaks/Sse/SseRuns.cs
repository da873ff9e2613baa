using System.Text;
using Airlock.Core.Leaks;
using Airlock.Core.Leaks.Sse;

namespace Airlock.Core.Tests.Leaks.Sse;

/// <summary>Runs the pipeline over many chunkings of one body and checks the output for any form of a secret.</summary>
internal static class SseRuns
{
    /// <summary>
    /// Runs every chunking of <see cref="SsePipeline.Chunkings"/> and asserts they all write the same bytes (the
    /// delta redactor reads whole events, so where chunks fall cannot matter); returns the whole-body run.
    /// </summary>
    public static SsePipeline.Result AllChunkings(
        Random random, int seed, SecretPatternSet set, byte[] input, SseDeltaRedactorOptions? options = null, int singleCuts = 24, int multiCuts = 12)
    {
        SsePipeline.Result? whole = null;
        foreach (var cuts in SsePipeline.Chunkings(random, input.Length, singleCuts, multiCuts))
        {
            var result = SsePipeline.Run(set, input, cuts, options);
            if (whole is null)
            {
                whole = result;
                continue;
            }

            var where = $"cuts {string.Join(",", cuts.Take(40))}{(cuts.Length > 40 ? ",…" : "")} (seed {seed})";
            Assert.True(whole.AfterDeltaRedactor.AsSpan().SequenceEqual(result.AfterDeltaRedactor), where);
            Assert.True(whole.Output.AsSpan().SequenceEqual(result.Output), where);
            Assert.Equal(whole.DeltaRedactions, result.DeltaRedactions);
        }

        return whole!;
    }

    /// <summary>Asserts that no encoding of <paramref name="secret"/> (as the BCL's own encoders write it) is in <paramref name="output"/>.</summary>
    public static void AssertNoFormOf(string secret, byte[] output, Random random)
    {
        foreach (var form in EncodedForm.All(secret, random))
        {
            // Base64's end characters mix in neighbouring bytes; only the characters the secret alone decides count.
            var core = form.Text.Substring(form.Start + form.Slack, form.Length - (2 * form.Slack));
            Assert.True(output.AsSpan().IndexOf(Encoding.UTF8.GetBytes(core)) < 0, $"the output holds the {form.Form} form of a secret");
        }
    }
}
