using System.Text.Json;
using Airlock.Core.Services;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

internal sealed class SqliteServiceStore(SqliteDatabase database) : IServiceStore
{
    private const string Columns = "name, base_url, credential, description, source, created_at, policy_body, llm";

    public Task<bool> UpsertAsync(ServiceDefinition service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(service.BaseUrl);
        ArgumentNullException.ThrowIfNull(service.Credential);
        return database.RunAsync("upsert service", async (connection, ct) =>
        {
            // The write lock is taken before the existence check, so "new" is exact under concurrent upserts.
            using var transaction = connection.BeginTransaction(deferred: false);
            using var exists = connection.Command("SELECT 1 FROM services WHERE name = $name", ("$name", service.Name));
            exists.Transaction = transaction;
            var isNew = await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null;
            using var upsert = connection.Command(
                $"INSERT OR REPLACE INTO services ({Columns}) VALUES ($name, $url, $credential, $description, $source, $created, $policyBody, $llm)",
                ("$name", service.Name),
                ("$url", service.BaseUrl.OriginalString),
                ("$credential", JsonSerializer.Serialize(service.Credential, StorageJsonContext.Default.CredentialBinding)),
                ("$description", service.Description),
                ("$source", service.Source),
                ("$created", SqliteValues.ToMicroseconds(service.CreatedAt)),
                ("$policyBody", service.PolicyBody ? 1 : 0),
                ("$llm", service.Llm is null ? null : JsonSerializer.Serialize(service.Llm, StorageJsonContext.Default.LlmSettings)));
            upsert.Transaction = transaction;
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            transaction.Commit();
            return isNew;
        }, cancellationToken);
    }

    public Task<ServiceDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync("get service", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM services WHERE name = $name", ("$name", name));
            return await command.ReadOneAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ServiceDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<ServiceDefinition>>("list services", async (connection, ct) =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM services ORDER BY name");
            return await command.ReadAllAsync(Read, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return database.RunAsync("delete service", async (connection, ct) =>
        {
            using var command = connection.Command("DELETE FROM services WHERE name = $name", ("$name", name));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    private static ServiceDefinition Read(SqliteDataReader r) =>
        new(
            r.GetString(0),
            new Uri(r.GetString(1), UriKind.RelativeOrAbsolute),
            JsonSerializer.Deserialize(r.GetString(2), StorageJsonContext.Default.CredentialBinding)
                ?? throw new JsonException("a stored credential binding is null"),
            r.GetString(3),
            r.GetString(4),
            r.GetTime(5),
            r.GetInt64(6) != 0,
            r.IsDBNull(7) ? null : JsonSerializer.Deserialize(r.GetString(7), StorageJsonContext.Default.LlmSettings)
                ?? throw new JsonException("stored LLM settings are null"));
}
