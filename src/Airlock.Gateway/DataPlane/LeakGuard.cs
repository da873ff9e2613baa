using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Leaks;
using Airlock.Core.Secrets;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// Every secret value Airlock holds, as the leak scanner's pattern set: the vault's secrets, and the OAuth2 access
/// tokens it obtained for services (the current and the previous one per service, since a token refreshed early is
/// still valid for a while). Rebuilt whenever a secret is created, rotated or deleted through this node, before the
/// admin API answers, and whenever a token is obtained, before it is injected anywhere.
/// </summary>
public sealed class LeakGuard(Vault vault) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly Dictionary<string, IssuedTokens> _issued = new(StringComparer.Ordinal);
    private SecretPatternSet _current = SecretPatternSet.Empty;

    public SecretPatternSet Current => Volatile.Read(ref _current);

    /// <summary>The name an access token of <paramref name="serviceName"/> is redacted as.</summary>
    public static string IssuedTokenName(string serviceName) => $"oauth2:{serviceName}";

    public void Dispose() => _rebuild.Dispose();

    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await RebuildLockedAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Adds an access token obtained for <paramref name="serviceName"/>; returns once responses are scanned for it.</summary>
    public async Task AddIssuedTokenAsync(string serviceName, string token, CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var value = Encoding.UTF8.GetBytes(token);
            _issued[serviceName] = _issued.TryGetValue(serviceName, out var before)
                ? new IssuedTokens(value, before.Current)
                : new IssuedTokens(value, null);
            await RebuildLockedAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task RebuildLockedAsync(CancellationToken ct)
    {
        var secrets = new List<LeakSecret>();
        foreach (var (name, value) in await vault.RevealAllCurrentAsync(ct).ConfigureAwait(false))
        {
            secrets.Add(new LeakSecret(name, value.ToArray()));
            CryptographicOperations.ZeroMemory(value);
        }

        foreach (var (service, tokens) in _issued)
        {
            secrets.Add(new LeakSecret(IssuedTokenName(service), tokens.Current));
            if (tokens.Previous is not null)
            {
                secrets.Add(new LeakSecret(IssuedTokenName(service), tokens.Previous));
            }
        }

        Volatile.Write(ref _current, SecretPatternSet.Build(secrets));
    }

    private sealed record IssuedTokens(byte[] Current, byte[]? Previous);
}
