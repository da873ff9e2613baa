using System.Buffers;
using System.Text;
using Airlock.Core.Leaks;

namespace Airlock.Core.Tests.Leaks;

/// <summary>Runs a redactor over chunked input and checks where the marker landed.</summary>
internal static class LeakTestKit
{
    public static SecretPatternSet Set(params (string Name, string Value)[] secrets) =>
        SecretPatternSet.Build(secrets.Select(s => new LeakSecret(s.Name, Encoding.UTF8.GetBytes(s.Value))), CredentialDetectors.None);

    public static SecretPatternSet SetWithDetectors(params (string Name, string Value)[] secrets) =>
        SecretPatternSet.Build(secrets.Select(s => new LeakSecret(s.Name, Encoding.UTF8.GetBytes(s.Value))), CredentialDetectors.Default);

    /// <summary>Redacts <paramref name="input"/> fed in chunks cut at <paramref name="cuts"/> (ascending offsets).</summary>
    public static (byte[] Output, IReadOnlyList<RedactionCount> Counts) Redact(SecretPatternSet set, ReadOnlySpan<byte> input, params int[] cuts)
    {
        var output = new ArrayBufferWriter<byte>();
        using var redactor = set.CreateRedactor();
        var from = 0;
        foreach (var cut in cuts)
        {
            redactor.Process(input[from..cut], output);
            from = cut;
        }

        redactor.Process(input[from..], output);
        redactor.Flush(output);
        return (output.WrittenSpan.ToArray(), redactor.Redactions);
    }

    public static string Redact(SecretPatternSet set, string input, params int[] cuts) =>
        Encoding.UTF8.GetString(Redact(set, Encoding.UTF8.GetBytes(input), cuts).Output);

    /// <summary>Redacts <paramref name="input"/> one byte per chunk.</summary>
    public static byte[] RedactBytewise(SecretPatternSet set, ReadOnlySpan<byte> input)
    {
        var output = new ArrayBufferWriter<byte>();
        using var redactor = set.CreateRedactor();
        for (var i = 0; i < input.Length; i++)
        {
            redactor.Process(input.Slice(i, 1), output);
        }

        redactor.Flush(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Cuts at random offsets: between 0 and <paramref name="maxCuts"/> of them, ascending, possibly repeated (empty chunks).</summary>
    public static int[] RandomCuts(Random random, int length, int maxCuts)
    {
        var cuts = new int[random.Next(maxCuts + 1)];
        for (var i = 0; i < cuts.Length; i++)
        {
            cuts[i] = random.Next(length + 1);
        }

        Array.Sort(cuts);
        return cuts;
    }

    /// <summary>
    /// Asserts that <paramref name="output"/> is <paramref name="input"/> with the span
    /// [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) replaced by one marker, allowing
    /// <paramref name="slack"/> bytes of the span to survive at either end (base64 characters that mix in neighbouring
    /// bytes are not determined by the secret).
    /// </summary>
    public static void AssertRedactedOnce(string input, string output, int start, int length, string name, int slack = 0)
    {
        var marker = $"[REDACTED:{name}]";
        var at = output.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {marker} in the output");
        Assert.Equal(-1, output.IndexOf(marker, at + 1, StringComparison.Ordinal));
        var before = output[..at];
        var after = output[(at + marker.Length)..];
        Assert.StartsWith(input[..start], before, StringComparison.Ordinal);
        Assert.EndsWith(input[(start + length)..], after, StringComparison.Ordinal);
        Assert.InRange(before.Length - start, 0, slack);
        Assert.InRange(after.Length - (input.Length - start - length), 0, slack);
    }
}
