using Airlock.Core.Storage;
using Airlock.Core.Tokens;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteSigningKeyStore(SqliteDatabase database) : ISigningKeyStore
{
    private const string Columns = "key_id, algorithm, public_key_spki, private_key_secret_name, created_at, retired_at, verify_until";

    public Task<bool> TryAddAsync(SigningKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return database.RunAsync("add signing key", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"INSERT INTO signing_keys ({Columns}) VALUES ($id, $algorithm, $spki, $secret, $created, $retired, $until)",
                ("$id", key.KeyId),
                ("$algorithm", key.Algorithm),
                ("$spki", key.PublicKeySpki),
                ("$secret", key.PrivateKeySecretName),
                ("$created", SqliteValues.ToMicroseconds(key.CreatedAt)),
                ("$retired", SqliteValues.ToDb(key.RetiredAt)),
                ("$until", SqliteValues.ToDb(key.VerifyUntil)));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SigningKeyRecord>>("list signing keys", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM signing_keys ORDER BY created_at, key_id");
            return await command.ReadAllAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> RetireAsync(string keyId, DateTimeOffset retiredAt, DateTimeOffset verifyUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return database.RunAsync("retire signing key", async (connection, ct) =>
        {
            // A key retires once; retiring it again changes nothing, so its verification window cannot be stretched.
            using var command = connection.Command(
                "UPDATE signing_keys SET retired_at = $retired, verify_until = $until WHERE key_id = $id AND retired_at IS NULL",
                ("$id", keyId),
                ("$retired", SqliteValues.ToMicroseconds(retiredAt)),
                ("$until", SqliteValues.ToMicroseconds(verifyUntil)));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    private static SigningKeyRecord Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetBytes(2), r.GetString(3), r.GetTime(4), r.GetNullableTime(5), r.GetNullableTime(6));
}
