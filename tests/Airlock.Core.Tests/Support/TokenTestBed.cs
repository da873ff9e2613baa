using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Core.Sessions;
using Airlock.Core.Tokens;

namespace Airlock.Core.Tests.Support;

/// <summary>A vault, a key ring with one key, an issuer and a validator over an in-memory store and a fake clock.</summary>
public sealed class TokenTestBed : IDisposable
{
    public const string IssuerName = "https://airlock.test";

    private TokenTestBed(TestData data, ManualTimeProvider time, KeyEncryptionKey kek, InMemoryAirlockStore store, Vault vault, SigningKeyRing ring, TokenOptions options)
    {
        Data = data;
        Time = time;
        Kek = kek;
        Store = store;
        Vault = vault;
        Ring = ring;
        Options = options;
        Issuer = new SessionTokenIssuer(ring, options, time);
        Validator = new SessionTokenValidator(ring, Status, options, time);
    }

    public TestData Data { get; }

    public ManualTimeProvider Time { get; }

    public KeyEncryptionKey Kek { get; }

    public InMemoryAirlockStore Store { get; }

    public Vault Vault { get; }

    public SigningKeyRing Ring { get; }

    public TokenOptions Options { get; }

    public SessionTokenIssuer Issuer { get; }

    public SessionTokenValidator Validator { get; }

    public FakeSessionStatusSource Status { get; } = new();

    public static async Task<TokenTestBed> CreateAsync(ManualTimeProvider? time = null, TokenOptions? options = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData();
        time ??= new ManualTimeProvider();
        var kek = new KeyEncryptionKey(data.Bytes(32));
        var store = new InMemoryAirlockStore();
        var vault = new Vault(store, kek, time);
        await vault.InitializeAsync(ct);
        var ring = await SigningKeyRing.LoadAsync(store, vault, time, ct);
        await ring.CreateInitialKeyAsync(ct);
        return new TokenTestBed(data, time, kek, store, vault, ring, options ?? new TokenOptions(IssuerName));
    }

    /// <summary>A live session of agent <c>agent-7</c>, for <paramref name="user"/>, marked active in <see cref="Status"/>.</summary>
    public Session NewSession(string? user = "alice@example.com", TimeSpan? ttl = null)
    {
        var now = Time.GetUtcNow();
        var session = new Session(
            "ses_" + Data.Word(20), "agent-7", user, "summarise open invoices " + Data.Word(8), ["billing"], now, now + (ttl ?? TimeSpan.FromMinutes(15)), null, null);
        Status.Set(session.Id, SessionStatus.Active);
        return session;
    }

    /// <summary>The active key's private half, read back from the vault, for forging tokens the real key signed.</summary>
    public async Task<ECDsa> ActivePrivateKeyAsync()
    {
        var pkcs8 = await Vault.RevealInternalAsync(Ring.Active.PrivateKeySecretName, ct: TestContext.Current.CancellationToken);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }

    /// <summary>The standard header and claims of a token for <paramref name="session"/>, as editable JSON.</summary>
    public (JsonObject Header, JsonObject Payload) Claims(Session session)
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "airlock-session+jwt", ["kid"] = Ring.Active.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = IssuerName,
            ["aud"] = "airlock-data-plane",
            ["sub"] = session.UserId,
            ["act"] = new JsonObject { ["sub"] = session.AgentId },
            ["sid"] = session.Id,
            ["jti"] = Base64Url.EncodeToString(Data.Bytes(16)),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = session.ExpiresAt.ToUnixTimeSeconds(),
            ["intent_hash"] = SessionTokenIssuer.IntentHash(session.Intent),
        };
        return (header, payload);
    }

    /// <summary>Encodes a compact JWT with a signature computed by <paramref name="sign"/> over the signing input.</summary>
    public static string Encode(JsonNode header, JsonNode payload, Func<byte[], byte[]> sign)
    {
        var signingInput = Part(header.ToJsonString()) + "." + Part(payload.ToJsonString());
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    public static byte[] SignEs256(ECDsa key, byte[] data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Decodes one part of a compact JWT into JSON.</summary>
    public static JsonObject DecodePart(string token, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!.AsObject();

    public static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public void Dispose() => Kek.Dispose();
}
