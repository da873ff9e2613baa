using Airlock.Core.AdminTokens;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteAdminTokenStore(SqliteDatabase database) : IAdminTokenStore
{
    private const string Columns = "id, name, token_hash, is_root, created_at, expires_at, revoked_at";

    public Task<bool> TryAddAsync(AdminToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return database.RunAsync("add admin token", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"INSERT INTO admin_tokens ({Columns}) VALUES ($id, $name, $hash, $root, $created, $expires, $revoked)",
                ("$id", token.Id),
                ("$name", token.Name),
                ("$hash", token.TokenHash),
                ("$root", token.IsRoot ? 1 : 0),
                ("$created", SqliteValues.ToMicroseconds(token.CreatedAt)),
                ("$expires", SqliteValues.ToDb(token.ExpiresAt)),
                ("$revoked", SqliteValues.ToDb(token.RevokedAt)));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<AdminToken?> FindByHashAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return database.RunAsync("find admin token", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM admin_tokens WHERE token_hash = $hash", ("$hash", tokenHash));
            return await command.ReadOneAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AdminToken>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<AdminToken>>("list admin tokens", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM admin_tokens ORDER BY created_at, id");
            return await command.ReadAllAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> RevokeAsync(string idOrName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        return database.RunAsync("revoke admin token", async (connection, ct) =>
        {
            // An id wins over a name, so one argument never revokes two tokens.
            using var command = connection.Command(
                """
                UPDATE admin_tokens SET revoked_at = $at
                WHERE revoked_at IS NULL
                  AND id = coalesce((SELECT id FROM admin_tokens WHERE id = $key), (SELECT id FROM admin_tokens WHERE name = $key))
                """,
                ("$key", idOrName),
                ("$at", SqliteValues.ToMicroseconds(at)));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    private static AdminToken Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetBytes(2), r.GetInt64(3) != 0, r.GetTime(4), r.GetNullableTime(5), r.GetNullableTime(6));
}
