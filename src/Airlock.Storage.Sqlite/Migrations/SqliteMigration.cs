namespace Airlock.Storage.Sqlite.Migrations;

/// <summary>One numbered schema change. Once released, a migration's SQL never changes; a fix is a new migration.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
