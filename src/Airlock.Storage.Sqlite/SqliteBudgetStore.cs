using Airlock.Core.Budgets;
using Airlock.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Airlock.Storage.Sqlite;

/// <summary>
/// Budgets in SQLite. Every change to usage runs in a BEGIN IMMEDIATE transaction, which takes the database's one
/// write lock before the first read: concurrent reservations, from any thread or process, check and write one after
/// another, so none sees usage another is about to change.
/// </summary>
internal sealed partial class SqliteBudgetStore(SqliteDatabase database) : IBudgetStore, IDisposable
{
    private const string LimitColumns =
        "scope, subject_id, requests_per_window, tokens_per_window, window_seconds, usd_micros_per_day, usd_micros_per_month, updated_at";

    // Reserve and settle sit on an LLM call's path, twice per call, so they run on a connection of their own. Like
    // audit appends in the default durability (docs/audit.md), they are committed to the operating system
    // (surviving a crash or kill of Airlock) without a disk flush each: a power loss can lose the last
    // reservations, which undercounts only calls in flight then.
    private readonly SqliteHeldConnection hotPath = new(database, "PRAGMA synchronous = NORMAL");

    /// <summary>Closes the reserve and settle connection; the owning store calls it before it closes the database.</summary>
    public void Dispose() => hotPath.Dispose();

    public Task<bool> UpsertLimitsAsync(SubjectLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return database.RunAsync("set budget limits", async (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var exists = connection.Command(
                "SELECT count(*) FROM budget_limits WHERE scope = $scope AND subject_id = $id",
                ("$scope", limits.Subject.ScopeName),
                ("$id", limits.Subject.Id));
            exists.Transaction = transaction;
            var created = Convert.ToInt64(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0;
            var l = limits.Limits;
            using var upsert = connection.Command(
                $"""
                INSERT INTO budget_limits ({LimitColumns}) VALUES ($scope, $id, $requests, $tokens, $window, $day, $month, $at)
                ON CONFLICT (scope, subject_id) DO UPDATE SET
                    requests_per_window = excluded.requests_per_window, tokens_per_window = excluded.tokens_per_window,
                    window_seconds = excluded.window_seconds, usd_micros_per_day = excluded.usd_micros_per_day,
                    usd_micros_per_month = excluded.usd_micros_per_month, updated_at = excluded.updated_at
                """,
                ("$scope", limits.Subject.ScopeName),
                ("$id", limits.Subject.Id),
                ("$requests", l.RequestsPerWindow),
                ("$tokens", l.TokensPerWindow),
                ("$window", (long)l.Window.TotalSeconds),
                ("$day", l.UsdMicrosPerDay),
                ("$month", l.UsdMicrosPerMonth),
                ("$at", SqliteValues.ToMicroseconds(limits.UpdatedAt)));
            upsert.Transaction = transaction;
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            transaction.Commit();
            return created;
        }, cancellationToken);
    }

    public Task<SubjectLimits?> GetLimitsAsync(BudgetSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return database.RunAsync("get budget limits", async (connection, ct) =>
        {
            using var command = connection.Command(
                $"SELECT {LimitColumns} FROM budget_limits WHERE scope = $scope AND subject_id = $id",
                ("$scope", subject.ScopeName),
                ("$id", subject.Id));
            return await command.ReadOneAsync(ReadLimits, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SubjectLimits>> ListLimitsAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<SubjectLimits>>("list budget limits", async (connection, ct) =>
        {
            using var command = connection.Command($"""
                SELECT {LimitColumns} FROM budget_limits
                ORDER BY CASE scope WHEN 'session' THEN 0 WHEN 'agent' THEN 1 ELSE 2 END, subject_id
                """);
            return await command.ReadAllAsync(ReadLimits, ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> DeleteLimitsAsync(BudgetSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return database.RunAsync("delete budget limits", async (connection, ct) =>
        {
            using var command = connection.Command(
                "DELETE FROM budget_limits WHERE scope = $scope AND subject_id = $id",
                ("$scope", subject.ScopeName),
                ("$id", subject.Id));
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<BudgetUsage> GetUsageAsync(BudgetSubject subject, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return database.RunAsync("read budget usage", async (connection, ct) =>
        {
            // One read transaction, so the limits and the three periods are one consistent snapshot.
            using var transaction = connection.BeginTransaction(deferred: true);
            return await ReadUsageAsync(connection, transaction, subject, now, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The limits in force for <paramref name="subject"/> (its own, else its scope's default) and its usage in the periods current at <paramref name="now"/>.</summary>
    private static async Task<BudgetUsage> ReadUsageAsync(SqliteConnection connection, SqliteTransaction transaction, BudgetSubject subject, DateTimeOffset now, CancellationToken ct)
    {
        SubjectLimits? limits;
        using (var command = connection.Command(
            $"SELECT {LimitColumns} FROM budget_limits WHERE scope = $scope AND subject_id IN ($id, '*') ORDER BY subject_id = '*' LIMIT 1",
            ("$scope", subject.ScopeName),
            ("$id", subject.Id)))
        {
            command.Transaction = transaction;
            limits = await command.ReadOneAsync(ReadLimits, ct).ConfigureAwait(false);
        }

        var (window, day, month) = BudgetCheck.PeriodsAt(limits, now);
        using var usage = connection.Command($"""
            SELECT used_requests, used_tokens, used_usd_micros, reserved_requests, reserved_tokens, reserved_usd_micros
            FROM budget_usage WHERE {UsageKey}
            """);
        usage.Transaction = transaction;
        return new BudgetUsage(
            subject,
            limits,
            await ReadPeriodAsync(usage, subject, window, ct).ConfigureAwait(false),
            await ReadPeriodAsync(usage, subject, day, ct).ConfigureAwait(false),
            await ReadPeriodAsync(usage, subject, month, ct).ConfigureAwait(false));
    }

    private static async Task<BudgetPeriodUsage> ReadPeriodAsync(SqliteCommand command, BudgetSubject subject, BudgetPeriod period, CancellationToken ct)
    {
        SetUsageKey(command, subject, period);
        var row = await command.ReadOneAsync(
            r => new BudgetPeriodUsage(period, new BudgetCharge(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), new BudgetCharge(r.GetInt64(3), r.GetInt64(4), r.GetInt64(5))),
            ct).ConfigureAwait(false);
        return row ?? BudgetPeriodUsage.Empty(period);
    }

    private const string UsageKey =
        "scope = $scope AND subject_id = $id AND period = $period AND period_start = $start AND period_end = $end";

    private static void SetUsageKey(SqliteCommand command, BudgetSubject subject, BudgetPeriod period)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$scope", subject.ScopeName);
        command.Parameters.AddWithValue("$id", subject.Id);
        command.Parameters.AddWithValue("$period", BudgetPeriod.NameOf(period.Kind));
        command.Parameters.AddWithValue("$start", SqliteValues.ToMicroseconds(period.Start));
        command.Parameters.AddWithValue("$end", SqliteValues.ToMicroseconds(period.End));
    }

    private static SubjectLimits ReadLimits(SqliteDataReader r)
    {
        var scope = BudgetSubject.TryParseScope(r.GetString(0), out var s) ? s : throw new FormatException("a stored budget scope is unknown");
        var limits = new BudgetLimits
        {
            RequestsPerWindow = r.IsDBNull(2) ? null : r.GetInt64(2),
            TokensPerWindow = r.IsDBNull(3) ? null : r.GetInt64(3),
            Window = TimeSpan.FromSeconds(r.GetInt64(4)),
            UsdMicrosPerDay = r.IsDBNull(5) ? null : r.GetInt64(5),
            UsdMicrosPerMonth = r.IsDBNull(6) ? null : r.GetInt64(6),
        };
        return new SubjectLimits(new BudgetSubject(scope, r.GetString(1)), limits, r.GetTime(7));
    }
}
