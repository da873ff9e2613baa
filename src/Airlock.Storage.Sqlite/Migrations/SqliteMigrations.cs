namespace Airlock.Storage.Sqlite.Migrations;

/// <summary>
/// Every schema change, in order. Versions are 1, 2, 3 … without gaps. Times are INTEGER microseconds since the
/// Unix epoch (UTC); lists and credential bindings are JSON text. STRICT tables reject a value of the wrong type.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", """
            CREATE TABLE secret_versions (
                name             TEXT    NOT NULL,
                version          INTEGER NOT NULL,
                algorithm        TEXT    NOT NULL,
                kek_id           TEXT    NOT NULL,
                wrapped_data_key BLOB    NOT NULL,
                ciphertext       BLOB    NOT NULL,
                created_at       INTEGER NOT NULL,
                PRIMARY KEY (name, version)
            ) STRICT;

            CREATE TABLE services (
                name        TEXT    NOT NULL PRIMARY KEY,
                base_url    TEXT    NOT NULL,
                credential  TEXT    NOT NULL,
                description TEXT    NOT NULL,
                source      TEXT    NOT NULL,
                created_at  INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE agents (
                id          TEXT    NOT NULL PRIMARY KEY,
                description TEXT    NOT NULL,
                groups      TEXT    NOT NULL,
                enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
                created_at  INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE users (
                id         TEXT    NOT NULL PRIMARY KEY,
                groups     TEXT    NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE sessions (
                id             TEXT    NOT NULL PRIMARY KEY,
                agent_id       TEXT    NOT NULL,
                user_id        TEXT,
                intent         TEXT    NOT NULL,
                scope          TEXT    NOT NULL,
                created_at     INTEGER NOT NULL,
                expires_at     INTEGER NOT NULL,
                revoked_at     INTEGER,
                revoked_reason TEXT
            ) STRICT;
            CREATE INDEX sessions_agent_id ON sessions (agent_id);
            CREATE INDEX sessions_user_id ON sessions (user_id);
            CREATE INDEX sessions_created_at ON sessions (created_at);

            CREATE TABLE admin_tokens (
                id         TEXT    NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL UNIQUE,
                token_hash BLOB    NOT NULL UNIQUE,
                is_root    INTEGER NOT NULL CHECK (is_root IN (0, 1)),
                created_at INTEGER NOT NULL,
                expires_at INTEGER,
                revoked_at INTEGER
            ) STRICT;

            CREATE TABLE signing_keys (
                key_id                  TEXT    NOT NULL PRIMARY KEY,
                algorithm               TEXT    NOT NULL,
                public_key_spki         BLOB    NOT NULL,
                private_key_secret_name TEXT    NOT NULL,
                created_at              INTEGER NOT NULL,
                retired_at              INTEGER,
                verify_until            INTEGER
            ) STRICT;
            """),
        new(2, "audit log", """
            CREATE TABLE audit_records (
                seq       INTEGER NOT NULL PRIMARY KEY CHECK (seq >= 0),
                data      BLOB    NOT NULL,
                leaf_hash BLOB    NOT NULL CHECK (length(leaf_hash) = 32)
            ) STRICT;

            CREATE TABLE audit_checkpoints (
                tree_size INTEGER NOT NULL PRIMARY KEY CHECK (tree_size >= 0),
                root_hash BLOB    NOT NULL,
                timestamp INTEGER NOT NULL,
                key_id    TEXT    NOT NULL,
                algorithm TEXT    NOT NULL,
                signature BLOB    NOT NULL
            ) STRICT;

            CREATE TABLE audit_keys (
                key_id          TEXT    NOT NULL PRIMARY KEY,
                algorithm       TEXT    NOT NULL,
                public_key_spki BLOB    NOT NULL,
                created_at      INTEGER NOT NULL
            ) STRICT;
            """),
        new(3, "audit decisions by session", """
            -- context.history counts a session's sealed decisions, so it survives a restart. The session and the
            -- decision are read from the hashed record itself, never stored twice, so they cannot disagree with it;
            -- a row that is not JSON (only ever a damaged one) has neither.
            ALTER TABLE audit_records ADD COLUMN decision_session_id TEXT GENERATED ALWAYS AS (
                iif(json_valid(CAST(data AS TEXT)) AND json_extract(CAST(data AS TEXT), '$.kind') = 'decision',
                    json_extract(CAST(data AS TEXT), '$.session'), NULL)) VIRTUAL;
            ALTER TABLE audit_records ADD COLUMN decision TEXT GENERATED ALWAYS AS (
                iif(json_valid(CAST(data AS TEXT)), json_extract(CAST(data AS TEXT), '$.decision'), NULL)) VIRTUAL;
            CREATE INDEX audit_decisions_by_session ON audit_records (decision_session_id) WHERE decision_session_id IS NOT NULL;
            """),
        new(4, "services may show policy the request body", """
            ALTER TABLE services ADD COLUMN policy_body INTEGER NOT NULL DEFAULT 0 CHECK (policy_body IN (0, 1));
            """),
        new(5, "LLM services", """
            -- JSON: provider, prices per model, default output cap. NULL for a plain HTTP service.
            ALTER TABLE services ADD COLUMN llm TEXT;
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
