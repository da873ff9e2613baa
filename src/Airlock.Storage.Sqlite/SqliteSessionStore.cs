using Airlock.Core.Sessions;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    private const string Columns = "id, agent_id, user_id, intent, scope, created_at, expires_at, revoked_at, revoked_reason";

    public Task<bool> TryAddAsync(Session session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(session.Scope);
        return database.RunAsync("add session", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"INSERT INTO sessions ({Columns}) VALUES ($id, $agent, $user, $intent, $scope, $created, $expires, $revoked, $reason)",
                ("$id", session.Id),
                ("$agent", session.AgentId),
                ("$user", SqliteValues.ToDb(session.UserId)),
                ("$intent", session.Intent),
                ("$scope", SqliteValues.ToJson(session.Scope)),
                ("$created", SqliteValues.ToMicroseconds(session.CreatedAt)),
                ("$expires", SqliteValues.ToMicroseconds(session.ExpiresAt)),
                ("$revoked", SqliteValues.ToDb(session.RevokedAt)),
                ("$reason", SqliteValues.ToDb(session.RevokedReason)));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Session?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.RunAsync("get session", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM sessions WHERE id = $id", ("$id", id));
            return await command.ReadOneAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Session>> ListAsync(
        DateTimeOffset now,
        string? agentId = null,
        string? userId = null,
        bool includeEnded = false,
        CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<Session>>("list sessions", async (connection, ct) =>
        {
            // Live at now, as Session.IsLiveAt: not revoked and now < expires_at.
            using var command = connection.Command(
                $"""
                SELECT {Columns} FROM sessions
                WHERE ($agent IS NULL OR agent_id = $agent)
                  AND ($user IS NULL OR user_id = $user)
                  AND ($all = 1 OR (revoked_at IS NULL AND expires_at > $now))
                ORDER BY created_at DESC, id DESC
                """,
                ("$agent", SqliteValues.ToDb(agentId)),
                ("$user", SqliteValues.ToDb(userId)),
                ("$all", includeEnded ? 1 : 0),
                ("$now", SqliteValues.ToMicroseconds(now)));
            return await command.ReadAllAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reason);
        return database.RunAsync("revoke session", async (connection, ct) =>
        {
            using var command = connection.Command(
                "UPDATE sessions SET revoked_at = $at, revoked_reason = $reason WHERE id = $id AND revoked_at IS NULL",
                ("$id", id),
                ("$at", SqliteValues.ToMicroseconds(at)),
                ("$reason", reason));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> RevokeByAgentAsync(string agentId, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        return RevokeWhereAsync("revoke sessions by agent", "agent_id", agentId, at, reason, cancellationToken);
    }

    public Task<IReadOnlyList<string>> RevokeByUserAsync(string userId, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return RevokeWhereAsync("revoke sessions by user", "user_id", userId, at, reason, cancellationToken);
    }

    private Task<IReadOnlyList<string>> RevokeWhereAsync(
        string operation, string column, string value, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return database.RunAsync<IReadOnlyList<string>>(operation, async (connection, ct) =>
        {
            // One statement: the ids returned are exactly the rows this update changed.
            using var command = connection.Command(
                $"UPDATE sessions SET revoked_at = $at, revoked_reason = $reason WHERE {column} = $value AND revoked_at IS NULL RETURNING id",
                ("$value", value),
                ("$at", SqliteValues.ToMicroseconds(at)),
                ("$reason", reason));
            var ids = await command.ReadAllAsync(r => r.GetString(0), ct).ConfigureAwait(false);
            ids.Sort(StringComparer.Ordinal);
            return ids;
        }, cancellationToken);
    }

    private static Session Read(SqliteDataReader r) =>
        new(
            r.GetString(0),
            r.GetString(1),
            r.GetNullableString(2),
            r.GetString(3),
            SqliteValues.ListFromJson(r.GetString(4)),
            r.GetTime(5),
            r.GetTime(6),
            r.GetNullableTime(7),
            r.GetNullableString(8));
}
