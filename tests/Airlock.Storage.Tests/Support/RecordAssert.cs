using Airlock.Core.AdminTokens;
using Airlock.Core.Identities;
using Airlock.Core.Secrets;
using Airlock.Core.Services;
using Airlock.Core.Sessions;
using Airlock.Core.Tokens;

namespace Airlock.Storage.Tests.Support;

/// <summary>Field-by-field equality for the stored records, whose lists and blobs compare by reference otherwise.</summary>
public static class RecordAssert
{
    /// <summary>The same instant, returned in UTC.</summary>
    public static void Time(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    public static void Time(DateTimeOffset? expected, DateTimeOffset? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Time(e, a);
        }
    }

    public static void Equal(SealedSecretVersion expected, SealedSecretVersion? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Algorithm, actual.Algorithm);
        Assert.Equal(expected.KeyEncryptionKeyId, actual.KeyEncryptionKeyId);
        Assert.Equal(expected.WrappedDataKey, actual.WrappedDataKey);
        Assert.Equal(expected.Ciphertext, actual.Ciphertext);
        Time(expected.CreatedAt, actual.CreatedAt);
    }

    public static void Equal(ServiceDefinition expected, ServiceDefinition? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.BaseUrl.OriginalString, actual.BaseUrl.OriginalString);
        Equal(expected.Credential, actual.Credential);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Source, actual.Source);
        Time(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.PolicyBody, actual.PolicyBody);
    }

    public static void Equal(CredentialBinding expected, CredentialBinding actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        if (expected is OAuth2ClientCredentials e && actual is OAuth2ClientCredentials a)
        {
            Assert.Equal(e.TokenUrl.OriginalString, a.TokenUrl.OriginalString);
            Assert.Equal(e.ClientId, a.ClientId);
            Assert.Equal(e.ClientSecretName, a.ClientSecretName);
            Assert.Equal(e.Scopes, a.Scopes);
            Assert.Equal(e.Audience, a.Audience);
        }
        else
        {
            // The other kinds hold only strings, so record equality is field equality.
            Assert.Equal(expected, actual);
        }
    }

    public static void Equal(Agent expected, Agent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.Enabled, actual.Enabled);
        Time(expected.CreatedAt, actual.CreatedAt);
    }

    public static void Equal(User expected, User? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Groups, actual.Groups);
        Time(expected.CreatedAt, actual.CreatedAt);
    }

    public static void Equal(Session expected, Session? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.AgentId, actual.AgentId);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Intent, actual.Intent);
        Assert.Equal(expected.Scope, actual.Scope);
        Time(expected.CreatedAt, actual.CreatedAt);
        Time(expected.ExpiresAt, actual.ExpiresAt);
        Time(expected.RevokedAt, actual.RevokedAt);
        Assert.Equal(expected.RevokedReason, actual.RevokedReason);
    }

    public static void Equal(AdminToken expected, AdminToken? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.TokenHash, actual.TokenHash);
        Assert.Equal(expected.IsRoot, actual.IsRoot);
        Time(expected.CreatedAt, actual.CreatedAt);
        Time(expected.ExpiresAt, actual.ExpiresAt);
        Time(expected.RevokedAt, actual.RevokedAt);
    }

    public static void Equal(SigningKeyRecord expected, SigningKeyRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.KeyId, actual.KeyId);
        Assert.Equal(expected.Algorithm, actual.Algorithm);
        Assert.Equal(expected.PublicKeySpki, actual.PublicKeySpki);
        Assert.Equal(expected.PrivateKeySecretName, actual.PrivateKeySecretName);
        Time(expected.CreatedAt, actual.CreatedAt);
        Time(expected.RetiredAt, actual.RetiredAt);
        Time(expected.VerifyUntil, actual.VerifyUntil);
    }
}
