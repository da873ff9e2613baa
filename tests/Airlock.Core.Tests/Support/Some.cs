using System.Globalization;

namespace Airlock.Core.Tests.Support;

/// <summary>
/// Test data made at run time from a seed that is printed with each test's output, so that no secret-looking
/// value is ever committed and a failing run can be repeated with <c>AIRLOCK_TEST_SEED=N</c>.
/// </summary>
public sealed class Some
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random;

    private Some(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    public int Seed { get; }

    /// <summary>A generator for the current test, its seed written to the test's output.</summary>
    public static Some Create()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AIRLOCK_TEST_SEED");
        var seed = fromEnvironment is null ? Random.Shared.Next() : int.Parse(fromEnvironment, CultureInfo.InvariantCulture);
        TestContext.Current.TestOutputHelper?.WriteLine($"AIRLOCK_TEST_SEED={seed}");
        return new Some(seed);
    }

    /// <summary>Random text shaped like an API key.</summary>
    public string SecretValue(int length = 40) => "tk_" + Text(length);

    public string Text(int length) => string.Create(length, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[random.Next(Alphabet.Length)];
        }
    });

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
