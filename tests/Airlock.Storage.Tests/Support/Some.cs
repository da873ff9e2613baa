using Airlock.Core.AdminTokens;
using Airlock.Core.Identities;
using Airlock.Core.Secrets;
using Airlock.Core.Services;
using Airlock.Core.Sessions;
using Airlock.Core.Tokens;

namespace Airlock.Storage.Tests.Support;

/// <summary>Test data. Blobs are filled with a counter pattern, never anything that looks like a real secret.</summary>
public static class Some
{
    /// <summary>A fixed instant with a microsecond fraction, the precision every store keeps.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1_234_560);

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static byte[] Bytes(int length, byte start = 0)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = unchecked((byte)(start + i));
        }

        return bytes;
    }

    public static SealedSecretVersion SecretVersion(string name, int version, int minutes = 0) =>
        new(name, version, "AES-256-GCM", "kek-1", Bytes(60, (byte)version), Bytes(48 + version, (byte)(version * 7)), At(minutes));

    public static IEnumerable<string> CredentialKinds => ["none", "header", "query", "basic", "oauth2", "oauth2_audience", "oauth2_no_scopes"];

    public static CredentialBinding Credential(string kind) => kind switch
    {
        "none" => new NoCredential(),
        "header" => new HeaderCredential("Authorization", "Bearer {{secret:github_token}}"),
        "query" => new QueryCredential("api_key", "{{secret:maps_key}}"),
        "basic" => new BasicCredential("svc-bot", "{{secret:jira_token}}"),
        "oauth2" => new OAuth2ClientCredentials(new Uri("https://auth.example.com/oauth/token"), "airlock", "example_client_secret", ["read", "write"], null),
        "oauth2_audience" => new OAuth2ClientCredentials(new Uri("https://auth.example.com/token"), "c", "s", ["read"], "https://api.example.com"),
        "oauth2_no_scopes" => new OAuth2ClientCredentials(new Uri("https://auth.example.com/token"), "c", "s", [], null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown credential kind"),
    };

    public static ServiceDefinition Service(string name, CredentialBinding? credential = null, int minutes = 0) =>
        new(name, new Uri($"https://{name}.example.com/v1/"), credential ?? new NoCredential(), $"the {name} API", "api", At(minutes));

    public static Agent Agent(string id, params string[] groups) => new(id, $"agent {id}", groups, true, T0);

    public static User User(string id, params string[] groups) => new(id, groups, T0);

    public static Session Session(string id, string agentId, string? userId = null, int createdMinutes = 0, int ttlMinutes = 60) =>
        new(id, agentId, userId, $"intent of {id}", ["github", "jira/create_issue"], At(createdMinutes), At(createdMinutes + ttlMinutes), null, null);

    public static AdminToken AdminToken(string id, string name, int minutes = 0, byte hashStart = 0) =>
        new(id, name, Bytes(32, hashStart), false, At(minutes), At(minutes + 60), null);

    public static SigningKeyRecord SigningKey(string keyId, int minutes = 0) =>
        new(keyId, "ES256", Bytes(91, 3), $"airlock:signing-key:{keyId}", At(minutes), null, null);
}
