using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks;

public sealed class StreamingRedactorTests
{
    private readonly TestData _some = new();
    private readonly Random _random;

    public StreamingRedactorTests() => _random = new Random(_some.Seed);

    [Fact]
    public void Process_NothingMatches_OutputEqualsInputByteForByteForRandomChunkings()
    {
        var set = SecretPatternSet.Build(Enumerable.Range(0, 20).Select(i => new LeakSecret($"s{i}", Encoding.UTF8.GetBytes(_some.Canary()))));
        var text = new byte[64 * 1024];
        _random.NextBytes(text);
        var words = Encoding.UTF8.GetBytes(string.Join(' ', Enumerable.Range(0, 4000).Select(_ => _some.Word(_random.Next(1, 12)))));

        foreach (var input in new[] { text, words })
        {
            for (var round = 0; round < 40; round++)
            {
                var cuts = LeakTestKit.RandomCuts(_random, input.Length, 30);
                var (output, counts) = LeakTestKit.Redact(set, input, cuts);
                Assert.True(input.AsSpan().SequenceEqual(output), $"cuts {string.Join(",", cuts)}");
                Assert.Empty(counts);
            }
        }
    }

    [Fact]
    public void Process_TextSharingPrefixesWithSecrets_IsNotRedacted()
    {
        var secrets = Enumerable.Range(0, 10).Select(_ => _some.Canary()).ToArray();
        var set = LeakTestKit.Set([.. secrets.Select((s, i) => ($"s{i}", s))]);

        // Every proper prefix of every secret, and every secret with its last character changed.
        var text = new StringBuilder();
        foreach (var secret in secrets)
        {
            for (var length = 1; length < secret.Length; length++)
            {
                text.Append(secret.AsSpan(0, length)).Append(' ');
            }

            text.Append(secret.AsSpan(0, secret.Length - 1)).Append(secret[^1] == 'x' ? 'y' : 'x').Append('\n');
        }

        var input = text.ToString();
        Assert.Equal(input, LeakTestKit.Redact(set, input));
        Assert.Equal(Encoding.UTF8.GetBytes(input), LeakTestKit.RedactBytewise(set, Encoding.UTF8.GetBytes(input)));
    }

    [Fact]
    public void Process_SseStream_RedactsAtEverySplitAndWritesCleanEventsAtOnce()
    {
        var apiKey = _some.AwkwardSecret();
        var token = _some.Canary();
        var set = LeakTestKit.Set(("api_key", apiKey), ("oauth_token", token));
        string Event(string content) => "data: " + JsonSerializer.Serialize(new { choices = new[] { new { delta = new { content } } } }) + "\n\n";
        var events = new[]
        {
            Event("Hello"),
            Event($"the key is {apiKey} and"),
            Event(" more "),
            $"data: {{\"raw\":\"{token}\"}}\n\n",
            "data: [DONE]\n\n",
        };
        var input = string.Concat(events);
        var expected = string.Concat(
            events[0],
            Event("the key is [[K]] and").Replace("[[K]]", "[REDACTED:api_key]", StringComparison.Ordinal),
            events[2],
            "data: {\"raw\":\"[REDACTED:oauth_token]\"}\n\n",
            events[4]);
        var bytes = Encoding.UTF8.GetBytes(input);

        Assert.Equal(expected, LeakTestKit.Redact(set, input));
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(expected, Encoding.UTF8.GetString(LeakTestKit.Redact(set, bytes, cut).Output));
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(LeakTestKit.RedactBytewise(set, bytes)));

        // Low latency: an event that holds no secret is written out as soon as it is processed.
        var output = new ArrayBufferWriter<byte>();
        using var redactor = set.CreateRedactor();
        redactor.Process(Encoding.UTF8.GetBytes(events[0]), output);
        Assert.Equal(events[0], Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(0, redactor.HeldBackBytes);
    }

    [Fact]
    public void Process_OneSecretIsAPrefixOfAnother_TheLongestMatchWins()
    {
        var shortSecret = _some.Canary();
        var longSecret = shortSecret + _some.Word(10);
        var set = LeakTestKit.Set(("short", shortSecret), ("long", longSecret));

        Assert.Equal("a [REDACTED:long] b", LeakTestKit.Redact(set, $"a {longSecret} b"));
        Assert.Equal("a [REDACTED:short]- b", LeakTestKit.Redact(set, $"a {shortSecret}- b"));
        Assert.Equal("[REDACTED:short] [REDACTED:long]", LeakTestKit.Redact(set, $"{shortSecret} {longSecret}"));
    }

    [Fact]
    public void Process_OverlappingSecrets_RedactsBothAndLeavesNoPartVisible()
    {
        var shared = _some.Word(6);
        var first = _some.Canary() + shared;
        var second = shared + _some.Word(12);
        var set = LeakTestKit.Set(("first", first), ("second", second));
        var overlapping = first + second[shared.Length..];

        Assert.Equal("<[REDACTED:first][REDACTED:second]>", LeakTestKit.Redact(set, $"<{overlapping}>"));
        Assert.Equal("<[REDACTED:first][REDACTED:second]>", LeakTestKit.Redact(set, $"<{first}{second}>"));
    }

    [Fact]
    public void Process_SecretOverlappingItself_IsOneRedaction()
    {
        var unit = _some.Word(4);
        var secret = string.Concat(Enumerable.Repeat(unit, 3));
        var set = LeakTestKit.Set(("repeating", secret));

        var input = "x" + string.Concat(Enumerable.Repeat(unit, 5)) + "y";
        Assert.Equal("x[REDACTED:repeating]y", LeakTestKit.Redact(set, input));
        for (var cut = 0; cut <= input.Length; cut++)
        {
            Assert.Equal("x[REDACTED:repeating]y", LeakTestKit.Redact(set, input, cut));
        }
    }

    [Fact]
    public void Process_SecretsOverlappingOverAMebibyte_AreOneRegionNamingEachOnce()
    {
        var set = LeakTestKit.Set(("ab", "abababab"), ("ba", "babababa"), ("aa", "aaaaaaaa"));
        var stopwatch = Stopwatch.StartNew();

        var (alternating, counts) = LeakTestKit.Redact(set, Encoding.ASCII.GetBytes("<" + string.Concat(Enumerable.Repeat("ab", 512 * 1024)) + ">"), 4096, 70000);
        var (run, _) = LeakTestKit.Redact(set, Encoding.ASCII.GetBytes("<" + new string('a', 1024 * 1024) + ">"), 4096, 70000);

        Assert.Equal("<[REDACTED:ab][REDACTED:ba]>", Encoding.ASCII.GetString(alternating));
        Assert.Equal([new RedactionCount("ab", 1), new RedactionCount("ba", 1)], counts);
        Assert.Equal("<[REDACTED:aa]>", Encoding.ASCII.GetString(run));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Redactions_CountEachSecretByName()
    {
        var a = _some.Canary();
        var b = _some.Canary();
        var set = LeakTestKit.Set(("alpha", a), ("beta", b));

        var (_, counts) = LeakTestKit.Redact(set, Encoding.UTF8.GetBytes($"{a} {b} {Convert.ToHexString(Encoding.UTF8.GetBytes(a))} {a}"));

        Assert.Equal([new RedactionCount("alpha", 3), new RedactionCount("beta", 1)], counts);
    }

    [Fact]
    public void Process_SeveralVersionsOfOneSecret_RedactsEachUnderTheName()
    {
        var previous = _some.Canary();
        var current = _some.Canary();
        var set = SecretPatternSet.Build([new LeakSecret("db", Encoding.UTF8.GetBytes(current)), new LeakSecret("db", Encoding.UTF8.GetBytes(previous))]);

        Assert.Equal("[REDACTED:db] [REDACTED:db]", LeakTestKit.Redact(set, $"{previous} {current}"));
        Assert.Equal(["db"], set.SecretNames);
    }

    [Fact]
    public void Process_HoldsBackLessThanTheLongestPattern()
    {
        var secrets = Enumerable.Range(0, 5).Select(_ => _some.AwkwardSecret()).ToArray();
        var set = SecretPatternSet.Build(secrets.Select((s, i) => new LeakSecret($"s{i}", Encoding.UTF8.GetBytes(s))), CredentialDetectors.None);

        // Text full of secret prefixes in every encoding, so something is always held.
        var pieces = secrets.SelectMany(s => EncodedForm.All(s, _random)).Select(f => f.Text[..(f.Text.Length / 2)]);
        var input = Encoding.UTF8.GetBytes(string.Concat(pieces));
        var output = new ArrayBufferWriter<byte>();
        using var redactor = set.CreateRedactor();
        for (var i = 0; i < input.Length; i += 7)
        {
            redactor.Process(input.AsSpan(i, Math.Min(7, input.Length - i)), output);
            Assert.InRange(redactor.HeldBackBytes, 0, set.MaxPatternLength - 1);
            Assert.Equal(i + Math.Min(7, input.Length - i), output.WrittenCount + redactor.HeldBackBytes);
        }

        redactor.Flush(output);
        Assert.True(input.AsSpan().SequenceEqual(output.WrittenSpan));
    }

    [Fact]
    public void Process_AdversarialRunsOfAPatternPrefix_CompleteInLinearTime()
    {
        // 'aaaa…bcd' against a mebibyte of 'a', and the same run in each encoding that keeps a long live prefix.
        // (Three distinct bytes at the end, so that each base64 alignment's pattern ends in characters 'a' cannot make.)
        var secret = new string('a', 30) + "bcd";
        var set = SecretPatternSet.Build([new LeakSecret("slow", Encoding.UTF8.GetBytes(secret))]);
        var megabyte = 1024 * 1024;
        var runs = new (string Unit, string Tail)[]
        {
            ("a", secret),
            ("61", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret))),
            ("%61", string.Concat(secret.Select(c => $"%{(int)c:X2}"))),
            ("YWFh", Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('a', 30) + secret))),
        };

        var stopwatch = Stopwatch.StartNew();
        foreach (var (unit, tail) in runs)
        {
            var body = string.Concat(Enumerable.Repeat(unit, megabyte / unit.Length));
            var input = Encoding.UTF8.GetBytes(body + tail + "!");
            var (output, counts) = LeakTestKit.Redact(set, input, 4096, 65536, 65537);
            var text = Encoding.UTF8.GetString(output);
            Assert.EndsWith("[REDACTED:slow]!", text[^64..], StringComparison.Ordinal);
            Assert.StartsWith(body[..1000], text, StringComparison.Ordinal);
            Assert.Equal(1, Assert.Single(counts).Count);
        }

        // A sanity bound only (a debug build on a loaded host); the benchmark measures real throughput.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Process_CleanChunks_AllocateNothing()
    {
        var set = SecretPatternSet.Build(Enumerable.Range(0, 20).Select(i => new LeakSecret($"s{i}", Encoding.UTF8.GetBytes(_some.AwkwardSecret()))));
        var chunk = Encoding.UTF8.GetBytes(string.Join(' ', Enumerable.Range(0, 2000).Select(_ => _some.Word(_random.Next(1, 12)))));
        var output = new ArrayBufferWriter<byte>(chunk.Length * 120);
        using var redactor = set.CreateRedactor();

        // Warm-up. The hold-back buffer is rented from the shared pool the first time something must be held; the
        // pool's first use on a thread sets up its per-thread store (~7 KB), which is the runtime's, not a per-chunk cost.
        // Every bucket is touched once, since the size held back depends on the random text.
        for (var size = 16; size <= 1 << 20; size *= 2)
        {
            ArrayPool<byte>.Shared.Return(ArrayPool<byte>.Shared.Rent(size));
        }

        for (var i = 0; i < 10; i++)
        {
            redactor.Process(chunk, output);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            redactor.Process(chunk, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ProcessAfterFlush_Throws()
    {
        var set = LeakTestKit.Set(("k", _some.Canary()));
        var output = new ArrayBufferWriter<byte>();
        var redactor = set.CreateRedactor();
        redactor.Flush(output);

        Assert.Throws<ObjectDisposedException>(() => redactor.Process("x"u8, output));
        Assert.Throws<ObjectDisposedException>(() => redactor.Flush(output));
    }
}
