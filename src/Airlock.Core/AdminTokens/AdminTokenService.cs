using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Storage;

namespace Airlock.Core.AdminTokens;

/// <summary>
/// Issues and checks admin-plane tokens. A token is <c>airlock_admin_</c> followed by 32 random bytes in
/// base64url; only its SHA-256 is stored, so a copy of the database grants nothing. The prefix lets the data
/// plane recognise and refuse an admin token without a lookup.
/// </summary>
public sealed class AdminTokenService(IAirlockStore store, TimeProvider time)
{
    public const string Prefix = "airlock_admin_";
    public const string RootName = "root";

    /// <summary>Names are checked once per token and then cached briefly, so revocation is seen within this time.</summary>
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (AdminToken Token, DateTimeOffset CheckedAt)> _cache = new(StringComparer.Ordinal);

    public static bool LooksLikeAdminToken(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Creates the root token; fails with Conflict when one exists (the root token is shown once, at init).</summary>
    public Task<(string Text, AdminToken Token)> CreateRootAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(RootName, expiresAt: null, isRoot: true, cancellationToken);

    public Task<(string Text, AdminToken Token)> CreateNamedAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (!Names.IsValidIdentifier(name) || name == RootName)
        {
            throw ControlPlaneException.Invalid("name", name == RootName ? "'root' is reserved for the token made by airlock init" : $"must be {Names.IdentifierRule}");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(366))
        {
            throw ControlPlaneException.Invalid("ttl_seconds", "must be between 1 second and 366 days");
        }

        return CreateAsync(name, time.GetUtcNow() + lifetime, isRoot: false, cancellationToken);
    }

    /// <summary>The live token <paramref name="text"/> stands for, or null (unknown, expired or revoked).</summary>
    public async ValueTask<AdminToken?> AuthenticateAsync(string text, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeAdminToken(text) || text.Length > 128)
        {
            return null;
        }

        var now = time.GetUtcNow();
        AdminToken? token;
        if (_cache.TryGetValue(text, out var cached) && now - cached.CheckedAt < CacheLifetime)
        {
            token = cached.Token;
        }
        else
        {
            token = await store.AdminTokens.FindByHashAsync(Hash(text), cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                _cache.TryRemove(text, out _);
                return null;
            }

            if (_cache.Count > 10_000)
            {
                _cache.Clear();
            }

            _cache[text] = (token, now);
        }

        return token.RevokedAt is null && (token.ExpiresAt is null || now < token.ExpiresAt) ? token : null;
    }

    public async Task RevokeAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var tokens = await store.AdminTokens.ListAsync(cancellationToken).ConfigureAwait(false);
        var token = tokens.FirstOrDefault(t => t.Id == idOrName || t.Name == idOrName)
            ?? throw ControlPlaneException.NotFound("admin token", idOrName);
        if (token.IsRoot)
        {
            throw ControlPlaneException.Invalid("token", "is the root token, which cannot be revoked through the API; run airlock init on a new data directory to start over");
        }

        await store.AdminTokens.RevokeAsync(token.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _cache.Clear();
    }

    private async Task<(string Text, AdminToken Token)> CreateAsync(string name, DateTimeOffset? expiresAt, bool isRoot, CancellationToken cancellationToken)
    {
        var text = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new AdminToken("adm_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)), name, Hash(text), isRoot, time.GetUtcNow(), expiresAt, RevokedAt: null);
        if (!await store.AdminTokens.TryAddAsync(token, cancellationToken).ConfigureAwait(false))
        {
            throw new ControlPlaneException(ControlPlaneError.Conflict, $"an admin token named '{name}' already exists");
        }

        return (text, token);
    }

    internal static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
