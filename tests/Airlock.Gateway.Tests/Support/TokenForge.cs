using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// Builds hostile variants of a real session token. Re-signing with the gateway's own private key (read
/// from its vault) isolates each claim check: the signature is valid, so only the claim can fail.
/// </summary>
internal sealed class TokenForge(RunningGateway gateway, string token)
{
    private readonly string[] _parts = token.Split('.');

    public JsonObject Header => JsonNode.Parse(Base64Url.DecodeFromChars(_parts[0]))!.AsObject();

    public JsonObject Payload => JsonNode.Parse(Base64Url.DecodeFromChars(_parts[1]))!.AsObject();

    /// <summary>The token with <paramref name="edit"/> applied to its payload, validly signed by the gateway's key.</summary>
    public async Task<string> ResignedAsync(Action<JsonObject> edit, Action<JsonObject>? editHeader = null)
    {
        var header = Header;
        editHeader?.Invoke(header);
        var payload = Payload;
        edit(payload);
        var signingInput = Encode(header) + "." + Encode(payload);
        using var key = await SigningKeyAsync();
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The token with a new payload but the original signature.</summary>
    public string Tampered(Action<JsonObject> edit)
    {
        var payload = Payload;
        edit(payload);
        return _parts[0] + "." + Encode(payload) + "." + _parts[2];
    }

    public string Unsigned()
    {
        var header = Header;
        header["alg"] = "none";
        return Encode(header) + "." + _parts[1] + ".";
    }

    /// <summary>HS256 keyed with the gateway's public key: the classic algorithm-confusion forgery.</summary>
    public async Task<string> HmacWithPublicKeyAsync(bool pem)
    {
        var header = Header;
        header["alg"] = "HS256";
        var signingInput = Encode(header) + "." + _parts[1];
        using var key = await SigningKeyAsync();
        var publicKey = pem ? Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem()) : key.ExportSubjectPublicKeyInfo();
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(signingInput)));
    }

    public string WithSignatureByte(int index, byte xor)
    {
        var signature = Base64Url.DecodeFromChars(_parts[2]);
        signature[index] ^= xor;
        return _parts[0] + "." + _parts[1] + "." + Base64Url.EncodeToString(signature);
    }

    private async Task<ECDsa> SigningKeyAsync()
    {
        var kid = Header["kid"]!.GetValue<string>();
        var pkcs8 = await gateway.Runtime.Vault.RevealInternalAsync($"airlock:signing:{kid}", null, CancellationToken.None);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        CryptographicOperations.ZeroMemory(pkcs8);
        return key;
    }

    private static string Encode(JsonNode node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
