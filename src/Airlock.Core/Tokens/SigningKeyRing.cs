using System.Collections.Frozen;
using System.Security.Cryptography;
using Airlock.Core.Secrets;
using Airlock.Core.Storage;

namespace Airlock.Core.Tokens;

/// <summary>
/// The session-token signing keys: public halves from the store, the active key's private half from the vault
/// (PKCS#8 in internal secret <c>airlock:signing:{kid}</c>). A <c>kid</c> is only ever a lookup key into this
/// in-memory ring, never a path or a URL.
/// </summary>
// CA1001: the semaphore is never waited on through its wait handle, so it holds nothing that needs disposing.
#pragma warning disable CA1001
public sealed class SigningKeyRing
#pragma warning restore CA1001
{
    /// <summary>The one signature algorithm, named in every key and token header (R16).</summary>
    public const string Algorithm = "ES256";

    /// <summary>Prefix of the vault secret that holds a key's private half.</summary>
    public const string PrivateKeySecretPrefix = "airlock:signing:";

    private readonly IAirlockStore _store;
    private readonly Vault _vault;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    private SigningKeyRing(IAirlockStore store, Vault vault, TimeProvider time)
    {
        _store = store;
        _vault = vault;
        _time = time;
    }

    /// <summary>Every key, oldest first, including retired ones.</summary>
    public IReadOnlyList<SigningKeyRecord> Keys => _snapshot.Records;

    /// <summary>The key that signs new tokens: the newest one not retired.</summary>
    public SigningKeyRecord Active => ActiveKey.Record;

    internal SigningKey ActiveKey => _snapshot.Active
        ?? throw new InvalidOperationException("there is no active session-token signing key; run `airlock init` to create one");

    /// <summary>Loads the ring from the store and the vault.</summary>
    public static async Task<SigningKeyRing> LoadAsync(IAirlockStore store, Vault vault, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(time);
        var ring = new SigningKeyRing(store, vault, time);
        await ring.ReloadAsync(ct).ConfigureAwait(false);
        return ring;
    }

    /// <summary>Reads the keys again, e.g. after another node rotated them.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var records = await _store.SigningKeys.ListAsync(ct).ConfigureAwait(false);
        var previous = _snapshot;
        var now = _time.GetUtcNow();
        var activeRecord = records.LastOrDefault(r => r.RetiredAt is null);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        SigningKey? active = null;
        foreach (var record in records)
        {
            var isActive = ReferenceEquals(record, activeRecord);
            if (record.Algorithm != Algorithm || (!isActive && record.VerifyUntil is { } until && until < now))
            {
                // A key of another algorithm, or past its window, verifies nothing; it stays listed for the admin API.
                continue;
            }

            var reusable = previous.ByKeyId.GetValueOrDefault(record.KeyId);
            var publicKey = reusable?.PublicKey ?? ImportPublicKey(record);
            var privateKey = isActive
                ? reusable?.PrivateKey ?? await LoadPrivateKeyAsync(record, ct).ConfigureAwait(false)
                : null;
            var key = new SigningKey(record, publicKey, privateKey);
            keys[record.KeyId] = key;
            active = isActive ? key : active;
        }

        _snapshot = new Snapshot(records, keys.ToFrozenDictionary(StringComparer.Ordinal), active);
    }

    /// <summary>Creates the first signing key; fails when there is already an active one (rotate instead).</summary>
    public async Task<SigningKeyRecord> CreateInitialKeyAsync(CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ReloadAsync(ct).ConfigureAwait(false);
            if (_snapshot.Active is not null)
            {
                throw new InvalidOperationException($"signing key {_snapshot.Active.Record.KeyId} is already active; rotate it instead");
            }

            var record = await AddKeyAsync(ct).ConfigureAwait(false);
            await ReloadAsync(ct).ConfigureAwait(false);
            return record;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Makes a new key active and retires the previous one, which keeps verifying the tokens it signed for
    /// <paramref name="maxTokenLifetime"/> plus the default clock skew.
    /// </summary>
    public Task<SigningKeyRecord> RotateAsync(TimeSpan maxTokenLifetime, CancellationToken ct = default) =>
        RotateAsync(maxTokenLifetime, TokenOptions.DefaultClockSkew, ct);

    /// <summary>As <see cref="RotateAsync(TimeSpan, CancellationToken)"/>, with the validators' clock skew.</summary>
    public async Task<SigningKeyRecord> RotateAsync(TimeSpan maxTokenLifetime, TimeSpan clockSkew, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockSkew, TimeSpan.Zero);
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ReloadAsync(ct).ConfigureAwait(false);
            var previous = _snapshot.Active;
            var record = await AddKeyAsync(ct).ConfigureAwait(false);
            if (previous is not null)
            {
                var now = _time.GetUtcNow();
                await _store.SigningKeys.RetireAsync(previous.Record.KeyId, now, now + maxTokenLifetime + clockSkew, ct).ConfigureAwait(false);
            }

            await ReloadAsync(ct).ConfigureAwait(false);
            return record;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The key named <paramref name="keyId"/> if it may verify at <paramref name="now"/>.</summary>
    internal SigningKey? FindVerificationKey(string keyId, DateTimeOffset now) =>
        _snapshot.ByKeyId.TryGetValue(keyId, out var key) && key.VerifiesAt(now) ? key : null;

    private async Task<SigningKeyRecord> AddKeyAsync(CancellationToken ct)
    {
        // 60 random bits: the kid only has to be unique within one ring; it is opaque and never interpreted.
        var keyId = "es256-" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz234567", 12);
        var secretName = PrivateKeySecretPrefix + keyId;
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = ecdsa.ExportPkcs8PrivateKey();
        try
        {
            await _vault.PutInternalAsync(secretName, pkcs8, ct).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        var record = new SigningKeyRecord(keyId, Algorithm, ecdsa.ExportSubjectPublicKeyInfo(), secretName, _time.GetUtcNow(), null, null);
        if (!await _store.SigningKeys.TryAddAsync(record, ct).ConfigureAwait(false))
        {
            await _vault.DeleteInternalAsync(secretName, ct).ConfigureAwait(false);
            throw new InvalidOperationException($"signing key id {keyId} is taken; try again");
        }

        return record;
    }

    private async Task<ECDsa> LoadPrivateKeyAsync(SigningKeyRecord record, CancellationToken ct)
    {
        var pkcs8 = await _vault.RevealInternalAsync(record.PrivateKeySecretName, null, ct).ConfigureAwait(false);
        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(record.PublicKeySpki))
            {
                key.Dispose();
                throw new CryptographicException($"the private key of signing key {record.KeyId} does not match its public key");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private static ECDsa ImportPublicKey(SigningKeyRecord record)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(record.PublicKeySpki, out _);
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CryptographicException($"signing key {record.KeyId} is not a P-256 key");
        }

        return key;
    }

    private sealed record Snapshot(IReadOnlyList<SigningKeyRecord> Records, FrozenDictionary<string, SigningKey> ByKeyId, SigningKey? Active)
    {
        public static readonly Snapshot Empty = new([], FrozenDictionary<string, SigningKey>.Empty, null);
    }
}
