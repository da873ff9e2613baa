using System.Globalization;
using Airlock.Core.Secrets;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteSecretStore(SqliteDatabase database) : ISecretStore
{
    private const string Columns = "name, version, algorithm, kek_id, wrapped_data_key, ciphertext, created_at";

    public Task<int?> GetCurrentVersionAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync("get current secret version", async (connection, ct) =>
        {
            using var command = connection.Command("SELECT max(version) FROM secret_versions WHERE name = $name", ("$name", name));
            var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? (int?)null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    public Task<bool> TryInsertVersionAsync(SealedSecretVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return database.RunAsync("insert secret version", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"INSERT INTO secret_versions ({Columns}) VALUES ($name, $version, $algorithm, $kek, $wrapped, $ciphertext, $created)",
                ("$name", version.Name),
                ("$version", version.Version),
                ("$algorithm", version.Algorithm),
                ("$kek", version.KeyEncryptionKeyId),
                ("$wrapped", version.WrappedDataKey),
                ("$ciphertext", version.Ciphertext),
                ("$created", SqliteValues.ToMicroseconds(version.CreatedAt)));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<SealedSecretVersion?> GetVersionAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync("get secret version", async (connection, ct) =>
        {
            using var command = version is { } v
                ? connection.Command($"SELECT {Columns} FROM secret_versions WHERE name = $name AND version = $version", ("$name", name), ("$version", v))
                : connection.Command($"SELECT {Columns} FROM secret_versions WHERE name = $name ORDER BY version DESC LIMIT 1", ("$name", name));
            return await command.ReadOneAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SealedSecretVersion>> GetAllCurrentAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SealedSecretVersion>>("get all current secret versions", async (connection, ct) =>
        {
            using var command = connection.Command($"""
                SELECT {Columns} FROM secret_versions AS s
                WHERE s.version = (SELECT max(version) FROM secret_versions WHERE name = s.name)
                ORDER BY s.name
                """);
            return await command.ReadAllAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<SecretSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SecretSummary>>("list secrets", async (connection, ct) =>
        {
            // Created is when the lowest version was written, updated when the highest was.
            using var command = connection.Command("""
                SELECT name, max(version), count(*),
                       (SELECT created_at FROM secret_versions WHERE name = s.name ORDER BY version ASC LIMIT 1),
                       (SELECT created_at FROM secret_versions WHERE name = s.name ORDER BY version DESC LIMIT 1)
                FROM secret_versions AS s
                GROUP BY name
                ORDER BY name
                """);
            return await command.ReadAllAsync(
                r => new SecretSummary(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetTime(3), r.GetTime(4)),
                ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync("delete secret", async (connection, ct) =>
        {
            using var command = connection.Command("DELETE FROM secret_versions WHERE name = $name", ("$name", name));
            var deleted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            if (deleted)
            {
                // secure_delete zeroed the rows in the new page images, but the WAL still holds the old images
                // until a checkpoint copies the new ones into the database file and the WAL is truncated.
                TryCheckpoint(connection);
            }

            return deleted;
        }, cancellationToken);
    }

    /// <summary>
    /// Copies the whole WAL into the database file and truncates it; false when a reader holding an old snapshot
    /// kept it from completing within the busy timeout (TRUNCATE waits for readers). Repeated when the store is
    /// disposed, so an incomplete checkpoint is finished at the latest then.
    /// </summary>
    public static bool TryCheckpoint(SqliteConnection connection)
    {
        using var command = connection.Command("PRAGMA wal_checkpoint(TRUNCATE)");
        using var reader = command.ExecuteReader();
        // One row: busy (1 when the checkpoint could not complete), frames in the WAL, frames checkpointed.
        return reader.Read() && reader.GetInt64(0) == 0;
    }

    private static SealedSecretVersion Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetBytes(4), r.GetBytes(5), r.GetTime(6));
}
