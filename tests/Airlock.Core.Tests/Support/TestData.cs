using System.Globalization;

namespace Airlock.Core.Tests.Support;

/// <summary>
/// Secret-looking test data, generated from a seed that is printed to the test output so that a failure can be
/// replayed (set AIRLOCK_TEST_SEED). No credential-like value is ever committed.
/// </summary>
public sealed class TestData
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random;

    public TestData()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AIRLOCK_TEST_SEED");
        Seed = fromEnvironment is null ? Random.Shared.Next() : int.Parse(fromEnvironment, CultureInfo.InvariantCulture);
        _random = new Random(Seed);
        TestContext.Current.TestOutputHelper?.WriteLine($"test data seed: {Seed} (AIRLOCK_TEST_SEED={Seed} to replay)");
    }

    public int Seed { get; }

    /// <summary>Random letters and digits.</summary>
    public string Word(int length = 24) => string.Create(length, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[random.Next(Alphabet.Length)];
        }
    });

    /// <summary>Random bytes (keys, binary secret values).</summary>
    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A secret with every character that form encoding must escape around a random core.</summary>
    public string AwkwardSecret() => $"{Word(12)}:+ %&=/?é€{Word(12)}";

    /// <summary>A unique marker a test plants in a response to prove it is not echoed.</summary>
    public string Canary() => "canary" + Word(16);
}
