using System.Globalization;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite.Migrations;

/// <summary>Applies <see cref="SqliteMigrations.All"/> in order, each in its own transaction, and records it in <c>schema_migrations</c>.</summary>
internal static class SqliteMigrator
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """;

    /// <summary>The highest applied version, 0 for a new database; throws when it is newer than this build knows.</summary>
    public static int CheckVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var exists = connection.Command("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
        exists.Transaction = transaction;
        if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        using var max = connection.Command("SELECT coalesce(max(version), 0) FROM schema_migrations");
        max.Transaction = transaction;
        var version = Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > SqliteMigrations.LatestVersion)
        {
            throw new StoreException(
                $"sqlite store: the database schema is version {version} but this build of Airlock knows versions up to " +
                $"{SqliteMigrations.LatestVersion}; run a newer Airlock or restore a backup made by this version");
        }

        return version;
    }

    public static void Migrate(SqliteConnection connection, TimeProvider time)
    {
        foreach (var migration in SqliteMigrations.All)
        {
            // BEGIN IMMEDIATE takes the write lock before reading the version, so two processes migrating at once
            // apply each migration exactly once.
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var ledger = connection.Command(CreateLedger))
            {
                ledger.Transaction = transaction;
                ledger.ExecuteNonQuery();
            }

            if (CheckVersion(connection, transaction) >= migration.Version)
            {
                continue;
            }

            using (var apply = connection.Command(migration.Sql))
            {
                apply.Transaction = transaction;
                apply.ExecuteNonQuery();
            }

            using (var record = connection.Command(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $at)",
                ("$version", migration.Version),
                ("$at", SqliteValues.ToMicroseconds(time.GetUtcNow()))))
            {
                record.Transaction = transaction;
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }
}
