using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks;

/// <summary>Credential formats Airlock does not hold, generated at test time in each vendor's documented shape.</summary>
public sealed class CredentialDetectorsTests
{
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64UrlChars = Base62 + "-_";
    private readonly TestData _some = new();
    private readonly Random _random;
    private readonly SecretPatternSet _set = SecretPatternSet.Build([], CredentialDetectors.Default);

    public CredentialDetectorsTests() => _random = new Random(_some.Seed);

    public static TheoryData<string> Formats =>
    [
        "AKIA", "ASIA", "ABIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xoxb-", "xoxp-", "xapp-", "sk_live_", "rk_live_",
        "sk- legacy", "sk-proj-", "sk-ant-", "AIza", "jwt", "rsa pem", "ec pkcs8 pem", "rsa pem in json", "airlock_admin_",
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Redact_WellKnownFormat_IsReplacedAtEverySplit(string format)
    {
        var (kind, token) = Token(format);
        var input = $"{{\"config\": \"{token}\", \"next\": 1}}\n";
        var expected = $"{{\"config\": \"[REDACTED:detector:{kind}]\", \"next\": 1}}\n";
        var bytes = Encoding.UTF8.GetBytes(input);

        var (whole, counts) = LeakTestKit.Redact(_set, bytes);
        Assert.Equal(expected, Encoding.UTF8.GetString(whole));
        Assert.Equal(new RedactionCount("detector:" + kind, 1), Assert.Single(counts));
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(expected, Encoding.UTF8.GetString(LeakTestKit.Redact(_set, bytes, cut).Output));
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(LeakTestKit.RedactBytewise(_set, bytes)));
    }

    [Fact]
    public void Redact_TwoPemKeysBackToBack_RedactsBoth()
    {
        using var rsa = RSA.Create(1024);
        using var ec = ECDsa.Create();
        var input = $"a\n{rsa.ExportRSAPrivateKeyPem()}\n{ec.ExportPkcs8PrivateKeyPem()}\nb";

        Assert.Equal("a\n[REDACTED:detector:private-key]\n[REDACTED:detector:private-key]\nb", LeakTestKit.Redact(_set, input));
    }

    [Theory]
    [InlineData("AKIA", 15)]
    [InlineData("AKIA", 17)]
    [InlineData("ghp_", 20)]
    [InlineData("AIza", 30)]
    [InlineData("sk-", 12)]
    [InlineData("sk_live_", 10)]
    public void Redact_WrongLength_IsLeftAlone(string prefix, int bodyLength)
    {
        var alphabet = prefix == "AKIA" ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" : Base62;
        var input = $"x {prefix}{Random(alphabet, bodyLength)} y";

        Assert.Equal(input, LeakTestKit.Redact(_set, input));
    }

    [Theory]
    [InlineData("sk-learn is a Python library")]
    [InlineData("the header eyJhbGciOiJIUzI1NiJ9 alone is not a token")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")]
    [InlineData("task-ask-sk-ant- and AIzaSy and ghp_ and xoxb- in prose")]
    public void Redact_LookalikeText_IsLeftAlone(string input) => Assert.Equal(input, LeakTestKit.Redact(_set, input));

    [Fact]
    public void Redact_PrefixInsideALongerWord_IsLeftAlone()
    {
        var input = $"XAKIA{Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)} myghp_{Random(Base62, 36)}";

        Assert.Equal(input, LeakTestKit.Redact(_set, input));
    }

    [Fact]
    public void Redact_PemWithoutFooter_IsRedactedUpToTheLimitAndTheRestPasses()
    {
        var body = new StringBuilder();
        while (body.Length < 64 * 1024)
        {
            body.Append(Convert.ToBase64String(RandomBytes(48))).Append('\n');
        }

        var input = "-----BEGIN RSA PRIVATE KEY-----\n" + body;
        var output = LeakTestKit.Redact(_set, input);

        Assert.StartsWith("[REDACTED:detector:private-key]", output, StringComparison.Ordinal);
        Assert.Equal(input[CredentialDetector.PemMaxLength..], output["[REDACTED:detector:private-key]".Length..]);
    }

    [Fact]
    public void Only_UnknownKind_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CredentialDetectors.Only("github-token", "no-such-kind"));

    [Fact]
    public void Only_SelectedKinds_LeaveOthersAlone()
    {
        var set = SecretPatternSet.Build([], CredentialDetectors.Only("aws-access-key-id"));
        var github = Token("ghp_").Token;
        var aws = Token("AKIA").Token;

        Assert.Equal($"{github} [REDACTED:detector:aws-access-key-id]", LeakTestKit.Redact(set, $"{github} {aws}"));
    }

    [Theory]
    [InlineData("eyJ", "")]
    [InlineData("eyJa.", "")]
    [InlineData("-----BEGIN ", "")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----", "")]
    [InlineData("AKIA", "")]
    [InlineData("ghp_", "")]
    [InlineData("xoxb-", "")]
    [InlineData("sk-", "a")]
    [InlineData("sk-ant-", "-")]
    [InlineData("AIza", "_")]
    [InlineData("-----", "")]
    public void Redact_PathologicalInput_CompletesInLinearTimeAndHoldsBackBoundedBytes(string unit, string filler)
    {
        var piece = unit + filler;
        var input = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(piece, (1024 * 1024) / piece.Length)));
        var output = new ArrayBufferWriter<byte>();
        using var redactor = _set.CreateRedactor();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < input.Length; i += 4096)
        {
            redactor.Process(input.AsSpan(i, Math.Min(4096, input.Length - i)), output);
            Assert.InRange(redactor.HeldBackBytes, 0, _set.MaxHoldBack);
        }

        redactor.Flush(output);

        // A sanity bound only (debug build, loaded host); the benchmark measures real throughput.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.True(output.WrittenCount > 0);
    }

    [Fact]
    public void Redact_RandomMixOfPrefixes_MatchesTheUnsplitOutputForRandomChunkings()
    {
        string[] pieces = ["AKIA", "ghp_", "eyJ", "sk-", "sk-ant-", "-----BEGIN ", "PRIVATE KEY-----", "-----END ", ".", "-", "_", " ", "\n", "xoxb-", "AIza", "Q", "7"];
        var text = new StringBuilder();
        while (text.Length < 64 * 1024)
        {
            text.Append(pieces[_random.Next(pieces.Length)]);
        }

        var input = Encoding.ASCII.GetBytes(text.ToString());
        var expected = LeakTestKit.Redact(_set, input).Output;
        for (var round = 0; round < 20; round++)
        {
            var cuts = LeakTestKit.RandomCuts(_random, input.Length, 40);
            Assert.True(expected.AsSpan().SequenceEqual(LeakTestKit.Redact(_set, input, cuts).Output), $"cuts {string.Join(",", cuts)}");
        }
    }

    private (string Kind, string Token) Token(string format) => format switch
    {
        "AKIA" or "ASIA" or "ABIA" => ("aws-access-key-id", format + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        "ghp_" or "gho_" or "ghu_" or "ghs_" or "ghr_" => ("github-token", format + Random(Base62, 36)),
        "github_pat_" => ("github-token", format + Random(Base62, 22) + "_" + Random(Base62, 59)),
        "xapp-" => ("slack-token", $"xapp-1-A{Random("0123456789", 10)}-{Random("0123456789", 13)}-{Random("0123456789abcdef", 64)}"),
        "xoxb-" or "xoxp-" => ("slack-token", $"{format}{Random("0123456789", 11)}-{Random("0123456789", 13)}-{Random(Base62, 24)}"),
        "sk_live_" => ("stripe-key", format + Random(Base62, 24)),
        "rk_live_" => ("stripe-key", format + Random(Base62, 99)),
        "sk- legacy" => ("openai-key", "sk-" + Random(Base62, 48)),
        "sk-proj-" => ("openai-key", format + Random(Base64UrlChars, 156)),
        "sk-ant-" => ("anthropic-key", "sk-ant-api03-" + Random(Base64UrlChars, 93) + "AA"),
        "AIza" => ("google-api-key", format + Random(Base64UrlChars, 35)),
        "jwt" => ("jwt", Jwt()),
        "airlock_admin_" => ("airlock-admin-token", format + Random(Base64UrlChars, 43)),
        "rsa pem" => ("private-key", RsaPem()),
        "ec pkcs8 pem" => ("private-key", EcPem()),
        "rsa pem in json" => ("private-key", JsonSerializer.Serialize(RsaPem())[1..^1]),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static string RsaPem()
    {
        using var rsa = RSA.Create(1024);
        return rsa.ExportRSAPrivateKeyPem();
    }

    private static string EcPem()
    {
        using var ec = ECDsa.Create();
        return ec.ExportPkcs8PrivateKeyPem();
    }

    private string Jwt()
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"sub\":\"{_some.Canary()}\",\"exp\":1900000000}}"));
        return $"{header}.{payload}.{Base64Url.EncodeToString(RandomBytes(32))}";
    }

    private string Random(string alphabet, int length) =>
        string.Create(length, (alphabet, _random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state._random.Next(state.alphabet.Length)];
            }
        });

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
