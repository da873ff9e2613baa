using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Services;

namespace Airlock.Core.Secrets;

/// <summary>Lets credential injection read secrets from the vault, failing closed with the secret's name only.</summary>
public sealed class VaultSecretResolver(Vault vault) : ISecretResolver
{
    public async ValueTask<string> GetSecretAsync(string name, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await vault.RevealAsync(name, version: null, ct).ConfigureAwait(false);
        }
        catch (VaultException e)
        {
            throw new CredentialUnavailableException($"secret `{name}` cannot be read: {e.Error}", e);
        }
        catch (SecretDecryptionException e)
        {
            throw new CredentialUnavailableException($"secret `{name}` does not decrypt; its stored form was altered or moved", e);
        }

        try
        {
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
