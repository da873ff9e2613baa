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
        new(6, "budgets", """
            -- Limits per subject; subject_id '*' is the scope's default. Money is integer micro-USD.
            CREATE TABLE budget_limits (
                scope                 TEXT    NOT NULL CHECK (scope IN ('session', 'agent', 'user')),
                subject_id            TEXT    NOT NULL,
                requests_per_window   INTEGER CHECK (requests_per_window >= 0),
                tokens_per_window     INTEGER CHECK (tokens_per_window >= 0),
                window_seconds        INTEGER NOT NULL CHECK (window_seconds BETWEEN 1 AND 86400),
                usd_micros_per_day    INTEGER CHECK (usd_micros_per_day >= 0),
                usd_micros_per_month  INTEGER CHECK (usd_micros_per_month >= 0),
                updated_at            INTEGER NOT NULL,
                PRIMARY KEY (scope, subject_id)
            ) STRICT;

            -- Usage of one subject in one period: settled calls at their actual cost, calls in flight at their worst case.
            CREATE TABLE budget_usage (
                scope                TEXT    NOT NULL CHECK (scope IN ('session', 'agent', 'user')),
                subject_id           TEXT    NOT NULL,
                period               TEXT    NOT NULL CHECK (period IN ('window', 'day', 'month')),
                period_start         INTEGER NOT NULL,
                period_end           INTEGER NOT NULL CHECK (period_end > period_start),
                used_requests        INTEGER NOT NULL DEFAULT 0 CHECK (used_requests >= 0),
                used_tokens          INTEGER NOT NULL DEFAULT 0 CHECK (used_tokens >= 0),
                used_usd_micros      INTEGER NOT NULL DEFAULT 0 CHECK (used_usd_micros >= 0),
                reserved_requests    INTEGER NOT NULL DEFAULT 0 CHECK (reserved_requests >= 0),
                reserved_tokens      INTEGER NOT NULL DEFAULT 0 CHECK (reserved_tokens >= 0),
                reserved_usd_micros  INTEGER NOT NULL DEFAULT 0 CHECK (reserved_usd_micros >= 0),
                PRIMARY KEY (scope, subject_id, period, period_start, period_end)
            ) STRICT;
            CREATE INDEX budget_usage_by_end ON budget_usage (period_end);

            -- A reservation's worst case, and once settled, its actual usage and who settled it: the caller, or
            -- recovery (at the worst case, after a restart or when abandoned), which the caller may still correct.
            CREATE TABLE budget_reservations (
                id                 TEXT    NOT NULL PRIMARY KEY,
                created_at         INTEGER NOT NULL,
                requests           INTEGER NOT NULL CHECK (requests >= 0),
                tokens             INTEGER NOT NULL CHECK (tokens >= 0),
                usd_micros         INTEGER NOT NULL CHECK (usd_micros >= 0),
                settled_at         INTEGER,
                settled_by         TEXT    CHECK (settled_by IN ('caller', 'recovery')),
                actual_requests    INTEGER,
                actual_tokens      INTEGER,
                actual_usd_micros  INTEGER,
                CHECK ((settled_at IS NULL) = (settled_by IS NULL))
            ) STRICT;
            CREATE INDEX budget_reservations_open ON budget_reservations (created_at) WHERE settled_at IS NULL;
            CREATE INDEX budget_reservations_settled ON budget_reservations (settled_at) WHERE settled_at IS NOT NULL;

            -- The usage rows a reservation holds, so it is settled into exactly the periods it was reserved in.
            CREATE TABLE budget_reservation_lines (
                reservation_id  TEXT    NOT NULL REFERENCES budget_reservations (id),
                scope           TEXT    NOT NULL,
                subject_id      TEXT    NOT NULL,
                period          TEXT    NOT NULL,
                period_start    INTEGER NOT NULL,
                period_end      INTEGER NOT NULL,
                PRIMARY KEY (reservation_id, scope, subject_id, period),
                FOREIGN KEY (scope, subject_id, period, period_start, period_end)
                    REFERENCES budget_usage (scope, subject_id, period, period_start, period_end)
            ) STRICT;
            CREATE INDEX budget_reservation_lines_by_usage ON budget_reservation_lines (scope, subject_id, period, period_start, period_end);
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
