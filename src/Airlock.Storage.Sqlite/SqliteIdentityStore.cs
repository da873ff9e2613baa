using Airlock.Core.Identities;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteIdentityStore(SqliteDatabase database) : IIdentityStore
{
    private const string AgentColumns = "id, description, groups, enabled, created_at";
    private const string UserColumns = "id, groups, created_at";

    public Task<bool> TryAddAgentAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(agent.Groups);
        return database.RunAsync("add agent", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"INSERT INTO agents ({AgentColumns}) VALUES ($id, $description, $groups, $enabled, $created)",
                ("$id", agent.Id),
                ("$description", agent.Description),
                ("$groups", SqliteValues.ToJson(agent.Groups)),
                ("$enabled", agent.Enabled ? 1 : 0),
                ("$created", SqliteValues.ToMicroseconds(agent.CreatedAt)));
            return await SqliteDatabase.TryInsertAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Agent?> GetAgentAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.RunAsync("get agent", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {AgentColumns} FROM agents WHERE id = $id", ("$id", id));
            return await command.ReadOneAsync(ReadAgent, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Agent>> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<Agent>>("list agents", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {AgentColumns} FROM agents ORDER BY id");
            return await command.ReadAllAsync(ReadAgent, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> SetAgentEnabledAsync(string id, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.RunAsync("set agent enabled", async (connection, ct) =>
        {
            using var command = connection.Command("UPDATE agents SET enabled = $enabled WHERE id = $id", ("$id", id), ("$enabled", enabled ? 1 : 0));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<bool> UpsertUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(user.Groups);
        return database.RunAsync("upsert user", async (connection, ct) =>
        {
            // The write lock is taken before the existence check, so "new" is exact under concurrent upserts.
            using var transaction = connection.BeginTransaction(deferred: false);
            using var exists = connection.Command("SELECT 1 FROM users WHERE id = $id", ("$id", user.Id));
            exists.Transaction = transaction;
            var isNew = await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null;
            using var upsert = connection.Command(
                $"INSERT OR REPLACE INTO users ({UserColumns}) VALUES ($id, $groups, $created)",
                ("$id", user.Id),
                ("$groups", SqliteValues.ToJson(user.Groups)),
                ("$created", SqliteValues.ToMicroseconds(user.CreatedAt)));
            upsert.Transaction = transaction;
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            transaction.Commit();
            return isNew;
        }, cancellationToken);
    }

    public Task<User?> GetUserAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return database.RunAsync("get user", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {UserColumns} FROM users WHERE id = $id", ("$id", id));
            return await command.ReadOneAsync(ReadUser, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<User>>("list users", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {UserColumns} FROM users ORDER BY id");
            return await command.ReadAllAsync(ReadUser, ct).ConfigureAwait(false);
        }, cancellationToken);

    private static Agent ReadAgent(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), SqliteValues.ListFromJson(r.GetString(2)), r.GetInt64(3) != 0, r.GetTime(4));

    private static User ReadUser(SqliteDataReader r) =>
        new(r.GetString(0), SqliteValues.ListFromJson(r.GetString(1)), r.GetTime(2));
}
