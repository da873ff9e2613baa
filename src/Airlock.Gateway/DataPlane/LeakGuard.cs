using System.Security.Cryptography;
using Airlock.Core.Leaks;
using Airlock.Core.Secrets;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// Every secret value the vault holds, as the leak scanner's pattern set. Rebuilt whenever a secret is created,
/// rotated or deleted through this node, before the admin API answers, so a new value is redacted from the next
/// response on.
/// </summary>
public sealed class LeakGuard(Vault vault) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private SecretPatternSet _current = SecretPatternSet.Empty;

    public SecretPatternSet Current => Volatile.Read(ref _current);

    public void Dispose() => _rebuild.Dispose();

    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var secrets = new List<LeakSecret>();
            foreach (var (name, value) in await vault.RevealAllCurrentAsync(ct).ConfigureAwait(false))
            {
                secrets.Add(new LeakSecret(name, value.ToArray()));
                CryptographicOperations.ZeroMemory(value);
            }

            Volatile.Write(ref _current, SecretPatternSet.Build(secrets));
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
