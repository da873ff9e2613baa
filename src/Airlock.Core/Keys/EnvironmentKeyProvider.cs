using System.Text;

namespace Airlock.Core.Keys;

/// <summary>Reads the key-encryption key, as base64, from an environment variable (by default <c>AIRLOCK_KEK</c>).</summary>
public sealed class EnvironmentKeyProvider : IKeyEncryptionKeyProvider
{
    public const string DefaultVariable = "AIRLOCK_KEK";

    public EnvironmentKeyProvider(string variable = DefaultVariable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        Variable = variable;
    }

    public string Variable { get; }

    public string Describe() => $"environment variable {Variable}";

    public Task<KeyEncryptionKey> GetKeyAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(text))
        {
            throw new KeyProviderException(
                $"the environment variable {Variable} is not set; set it to the base64 key-encryption key `airlock init` created, or use a key file instead");
        }

        // Only ASCII can be base64; anything else is reported as malformed without being decoded.
        if (!Ascii.IsValid(text) || text.Length > 64)
        {
            throw Malformed("it is not valid base64");
        }

        Span<byte> utf8 = stackalloc byte[text.Length];
        Encoding.ASCII.GetBytes(text, utf8);
        try
        {
            return Task.FromResult(KeyText.TryDecode(utf8, out var problem) ?? throw Malformed(problem!));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(utf8);
        }
    }

    private KeyProviderException Malformed(string problem) => new(
        $"the environment variable {Variable} does not hold a key-encryption key: {problem}; it must be the base64 encoding of 32 random bytes, " +
        "as `airlock init` prints it");
}
