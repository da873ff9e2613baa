using Airlock.Core.Budgets;

namespace Airlock.Storage.Sqlite;

/// <summary>Reserve, settle, recover and prune: the writes that must be atomic.</summary>
internal sealed partial class SqliteBudgetStore
{
    private const string CallerSettled = "caller";
    private const string RecoverySettled = "recovery";

    // The usage rows a reservation holds, as a row-value list for `(key) IN (…)`.
    private const string LinesOf =
        "(scope, subject_id, period, period_start, period_end) IN " +
        "(SELECT scope, subject_id, period, period_start, period_end FROM budget_reservation_lines WHERE reservation_id = $id)";

    public Task<BudgetReserveResult> TryReserveAsync(BudgetReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return hotPath.RunAsync("reserve budget", async (connection, ct) =>
        {
            // INVARIANT: the check and the writes are one BEGIN IMMEDIATE transaction; nothing else writes in between.
            using var transaction = connection.BeginTransaction(deferred: false);
            var now = reservation.CreatedAt;
            var worst = reservation.WorstCase;
            var snapshots = new List<BudgetUsage>();
            BudgetRefusal? refusal = null;
            foreach (var subject in reservation.Subjects.Distinct())
            {
                var usage = await ReadUsageAsync(connection, transaction, subject, now, ct).ConfigureAwait(false);
                snapshots.Add(usage);
                refusal = BudgetCheck.MoreDecisive(refusal, BudgetCheck.Check(usage, worst, now));
            }

            if (refusal is not null)
            {
                return BudgetReserveResult.Refused(refusal); // disposing the transaction rolls it back: nothing was written
            }

            using (var insert = connection.Command(
                "INSERT INTO budget_reservations (id, created_at, requests, tokens, usd_micros) VALUES ($id, $at, $requests, $tokens, $usd)",
                ("$id", reservation.Id),
                ("$at", SqliteValues.ToMicroseconds(now)),
                ("$requests", worst.Requests),
                ("$tokens", worst.Tokens),
                ("$usd", worst.UsdMicros)))
            {
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            using var reserve = connection.Command($"""
                INSERT INTO budget_usage (scope, subject_id, period, period_start, period_end, reserved_requests, reserved_tokens, reserved_usd_micros)
                VALUES ($scope, $id, $period, $start, $end, $requests, $tokens, $usd)
                ON CONFLICT (scope, subject_id, period, period_start, period_end) DO UPDATE SET
                    reserved_requests = reserved_requests + excluded.reserved_requests,
                    reserved_tokens = reserved_tokens + excluded.reserved_tokens,
                    reserved_usd_micros = reserved_usd_micros + excluded.reserved_usd_micros;
                INSERT INTO budget_reservation_lines (reservation_id, scope, subject_id, period, period_start, period_end)
                VALUES ($reservation, $scope, $id, $period, $start, $end);
                """);
            reserve.Transaction = transaction;
            foreach (var usage in snapshots)
            {
                foreach (var period in new[] { usage.Window.Period, usage.Day.Period, usage.Month.Period })
                {
                    SetUsageKey(reserve, usage.Subject, period);
                    reserve.Parameters.AddWithValue("$requests", worst.Requests);
                    reserve.Parameters.AddWithValue("$tokens", worst.Tokens);
                    reserve.Parameters.AddWithValue("$usd", worst.UsdMicros);
                    reserve.Parameters.AddWithValue("$reservation", reservation.Id);
                    await reserve.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }

            transaction.Commit();
            return BudgetReserveResult.Reserved(reservation with { Subjects = [.. snapshots.Select(s => s.Subject)] });
        }, cancellationToken);
    }

    public Task<bool> SettleAsync(string reservationId, BudgetCharge actual, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservationId);
        ArgumentNullException.ThrowIfNull(actual);
        return hotPath.RunAsync("settle budget reservation", async (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            BudgetCharge worst, recorded;
            string? settledBy;
            using (var read = connection.Command(
                "SELECT requests, tokens, usd_micros, settled_by, actual_requests, actual_tokens, actual_usd_micros FROM budget_reservations WHERE id = $id",
                ("$id", reservationId)))
            {
                read.Transaction = transaction;
                using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return false;
                }

                worst = new BudgetCharge(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                settledBy = reader.GetNullableString(3);
                recorded = settledBy is null ? BudgetCharge.Zero : new BudgetCharge(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            }

            if (settledBy == CallerSettled)
            {
                return false; // INVARIANT: a caller's settlement counts exactly once
            }

            // Open: the worst case leaves reserved and the actual joins used. Recovered: reserved already left, and used
            // holds the worst case recovery charged; it is corrected to the actual.
            var open = settledBy is null;
            using (var update = connection.Command(
                $"""
                UPDATE budget_usage SET
                    reserved_requests = reserved_requests - $rr, reserved_tokens = reserved_tokens - $rt, reserved_usd_micros = reserved_usd_micros - $ru,
                    used_requests = used_requests + $ur, used_tokens = used_tokens + $ut, used_usd_micros = used_usd_micros + $uu
                WHERE {LinesOf}
                """,
                ("$id", reservationId),
                ("$rr", open ? worst.Requests : 0),
                ("$rt", open ? worst.Tokens : 0),
                ("$ru", open ? worst.UsdMicros : 0),
                ("$ur", actual.Requests - recorded.Requests),
                ("$ut", actual.Tokens - recorded.Tokens),
                ("$uu", actual.UsdMicros - recorded.UsdMicros)))
            {
                update.Transaction = transaction;
                await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            using (var settle = connection.Command(
                """
                UPDATE budget_reservations SET settled_at = $at, settled_by = $by,
                    actual_requests = $requests, actual_tokens = $tokens, actual_usd_micros = $usd
                WHERE id = $id
                """,
                ("$id", reservationId),
                ("$at", SqliteValues.ToMicroseconds(at)),
                ("$by", CallerSettled),
                ("$requests", actual.Requests),
                ("$tokens", actual.Tokens),
                ("$usd", actual.UsdMicros)))
            {
                settle.Transaction = transaction;
                await settle.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            transaction.Commit();
            return true;
        }, cancellationToken);
    }

    public Task<int> SettleOpenAtWorstCaseAsync(DateTimeOffset createdBefore, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.RunAsync("recover open budget reservations", async (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var before = SqliteValues.ToMicroseconds(createdBefore);
            using (var usage = connection.Command(
                """
                UPDATE budget_usage SET
                    reserved_requests = reserved_requests - t.requests, used_requests = used_requests + t.requests,
                    reserved_tokens = reserved_tokens - t.tokens, used_tokens = used_tokens + t.tokens,
                    reserved_usd_micros = reserved_usd_micros - t.usd_micros, used_usd_micros = used_usd_micros + t.usd_micros
                FROM (
                    SELECT l.scope, l.subject_id, l.period, l.period_start, l.period_end,
                           sum(r.requests) AS requests, sum(r.tokens) AS tokens, sum(r.usd_micros) AS usd_micros
                    FROM budget_reservation_lines AS l JOIN budget_reservations AS r ON r.id = l.reservation_id
                    WHERE r.settled_at IS NULL AND r.created_at < $before
                    GROUP BY l.scope, l.subject_id, l.period, l.period_start, l.period_end
                ) AS t
                WHERE budget_usage.scope = t.scope AND budget_usage.subject_id = t.subject_id AND budget_usage.period = t.period
                  AND budget_usage.period_start = t.period_start AND budget_usage.period_end = t.period_end
                """,
                ("$before", before)))
            {
                usage.Transaction = transaction;
                await usage.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            int settled;
            using (var mark = connection.Command(
                """
                UPDATE budget_reservations SET settled_at = $at, settled_by = $by,
                    actual_requests = requests, actual_tokens = tokens, actual_usd_micros = usd_micros
                WHERE settled_at IS NULL AND created_at < $before
                """,
                ("$before", before),
                ("$at", SqliteValues.ToMicroseconds(at)),
                ("$by", RecoverySettled)))
            {
                mark.Transaction = transaction;
                settled = await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            transaction.Commit();
            return settled;
        }, cancellationToken);

    public Task<int> PruneAsync(BudgetPruning pruning, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pruning);
        return database.RunAsync("prune budget usage", async (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var deleted = 0;
            foreach (var (sql, parameters) in new (string, (string, object?)[])[]
            {
                ("""
                 DELETE FROM budget_reservation_lines WHERE reservation_id IN
                     (SELECT id FROM budget_reservations WHERE settled_at IS NOT NULL AND settled_at < $settled)
                 """, [("$settled", SqliteValues.ToMicroseconds(pruning.SettledBefore))]),
                ("DELETE FROM budget_reservations WHERE settled_at IS NOT NULL AND settled_at < $settled",
                 [("$settled", SqliteValues.ToMicroseconds(pruning.SettledBefore))]),
                ("""
                 DELETE FROM budget_usage
                 WHERE ((period = 'window' AND period_end < $windows) OR (period = 'day' AND period_end < $days) OR (period = 'month' AND period_end < $months))
                   AND NOT EXISTS (SELECT 1 FROM budget_reservation_lines AS l
                                   WHERE l.scope = budget_usage.scope AND l.subject_id = budget_usage.subject_id AND l.period = budget_usage.period
                                     AND l.period_start = budget_usage.period_start AND l.period_end = budget_usage.period_end)
                 """,
                 [("$windows", SqliteValues.ToMicroseconds(pruning.WindowsEndedBefore)),
                  ("$days", SqliteValues.ToMicroseconds(pruning.DaysEndedBefore)),
                  ("$months", SqliteValues.ToMicroseconds(pruning.MonthsEndedBefore))]),
            })
            {
                using var command = connection.Command(sql, parameters);
                command.Transaction = transaction;
                deleted += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            transaction.Commit();
            return deleted;
        }, cancellationToken);
    }
}
