using System.Buffers;
using System.Text;
using Airlock.Benchmarks.Workload;
using Airlock.Core.Leaks;
using BenchmarkDotNet.Attributes;

namespace Airlock.Benchmarks;

/// <summary>
/// Streamed leak redaction of a 1 MiB JSON response body in 16 KiB chunks, with 100 secrets registered in every
/// encoding and the credential detectors on, against a plain chunked copy of the same bytes (the baseline). Secrets
/// and body come from a fixed seed; the body holds no secret unless the benchmark says so.
/// </summary>
[MemoryDiagnoser]
public class LeakRedactionBenchmarks
{
    private const int BodyBytes = 1024 * 1024;
    private const int ChunkBytes = 16 * 1024;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ArrayBufferWriter<byte> output = new(2 * BodyBytes);
    private LeakSecret[] secrets = [];
    private SecretPatternSet set = SecretPatternSet.Empty;
    private SecretPatternSet secretsOnly = SecretPatternSet.Empty;
    private byte[] clean = [];
    private byte[] leaky = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new SeededRandom(0x1EA4_5EC2);
        secrets = [.. Enumerable.Range(0, 100).Select(i => new LeakSecret($"secret-{i:D3}", Encoding.UTF8.GetBytes(SecretValue(random, i))))];
        set = SecretPatternSet.Build(secrets, CredentialDetectors.Default);
        secretsOnly = SecretPatternSet.Build(secrets, CredentialDetectors.None);
        clean = Body(random, []);
        leaky = Body(random, secrets);

        // A benchmark of the wrong path measures nothing: the clean body must pass unchanged, the leaky one must not.
        if (!Redact(set, clean).SequenceEqual(clean) || Redact(set, leaky).SequenceEqual(leaky))
        {
            throw new InvalidOperationException("the clean body should pass unchanged and the leaky body should be redacted");
        }

        using var counter = set.CreateRedactor();
        counter.Process(leaky, new ArrayBufferWriter<byte>());
        counter.Flush(new ArrayBufferWriter<byte>());
        Console.WriteLine($"// leaky body: {counter.TotalRedactions} redactions; set: {set.PatternCount} patterns, longest {set.MaxPatternLength} bytes");
    }

    [Benchmark(Baseline = true, Description = "copy 1 MiB in 16 KiB chunks")]
    public int Copy()
    {
        output.ResetWrittenCount();
        for (var i = 0; i < clean.Length; i += ChunkBytes)
        {
            output.Write(clean.AsSpan(i, Math.Min(ChunkBytes, clean.Length - i)));
        }

        return output.WrittenCount;
    }

    [Benchmark(Description = "redact 1 MiB, 100 secrets + detectors, no leak")]
    public int RedactClean() => Redact(set, clean).Length;

    [Benchmark(Description = "redact 1 MiB, 100 secrets, no detectors, no leak")]
    public int RedactCleanSecretsOnly() => Redact(secretsOnly, clean).Length;

    [Benchmark(Description = "redact 1 MiB, 100 secrets + detectors, a leak every 24 records")]
    public int RedactLeaky() => Redact(set, leaky).Length;

    [Benchmark(Description = "build the set: 100 secrets, all encodings")]
    public int Build() => SecretPatternSet.Build(secrets).PatternCount;

    private ReadOnlySpan<byte> Redact(SecretPatternSet patterns, byte[] body)
    {
        output.ResetWrittenCount();
        using var redactor = patterns.CreateRedactor();
        for (var i = 0; i < body.Length; i += ChunkBytes)
        {
            redactor.Process(body.AsSpan(i, Math.Min(ChunkBytes, body.Length - i)), output);
        }

        redactor.Flush(output);
        return output.WrittenSpan;
    }

    /// <summary>70 base62 tokens of 32, 20 with URL- and JSON-sensitive characters, 10 of 64.</summary>
    private static string SecretValue(SeededRandom random, int i) => i switch
    {
        < 70 => Word(random, 32),
        < 90 => $"{Word(random, 12)}:+ %&=/?é€\"<{Word(random, 12)}",
        _ => Word(random, 64),
    };

    /// <summary>JSON records with hex ids, base64 blobs, URLs and prose; with leaks, secrets in varied encodings.</summary>
    private static byte[] Body(SeededRandom random, LeakSecret[] leaks)
    {
        var text = new StringBuilder(BodyBytes + 4096);
        text.Append("{\"items\":[");
        var n = 0;
        while (text.Length < BodyBytes - 600)
        {
            var blob = new byte[48];
            for (var i = 0; i < blob.Length; i++)
            {
                blob[i] = (byte)random.Next(256);
            }

            var leak = leaks.Length > 0 && n % 24 == 0 ? Encode(random, leaks[random.Next(leaks.Length)]) : Word(random, 24);
            text.Append("{\"id\":\"").Append(Convert.ToHexStringLower(blob.AsSpan(0, 16)))
                .Append("\",\"name\":\"").Append(Word(random, 7)).Append(' ').Append(Word(random, 9))
                .Append("\",\"blob\":\"").Append(Convert.ToBase64String(blob))
                .Append("\",\"url\":\"https://api.example.com/v1/items/").Append(Word(random, 10)).Append("?page=").Append(n)
                .Append("\",\"text\":\"");
            for (var w = 0; w < 12; w++)
            {
                text.Append(Word(random, random.Next(2, 10))).Append(' ');
            }

            text.Append(leak).Append("\"},");
            n++;
        }

        text.Append("{}]}");
        while (text.Length < BodyBytes)
        {
            text.Append(' ');
        }

        return Encoding.UTF8.GetBytes(text.ToString(0, BodyBytes));
    }

    private static string Encode(SeededRandom random, LeakSecret secret)
    {
        var value = secret.Value.Span;
        var text = Encoding.UTF8.GetString(value);
        return random.Next(4) switch
        {
            0 => System.Text.Json.JsonSerializer.Serialize(text)[1..^1],
            1 => Convert.ToBase64String(value),
            2 => Convert.ToHexString(value),
            _ => Uri.EscapeDataString(text),
        };
    }

    private static string Word(SeededRandom random, int length) => string.Create(length, random, static (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[r.Next(Alphabet.Length)];
        }
    });
}
