using Airlock.Core.Budgets;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// Runs <see cref="BudgetLedger.SweepAsync"/> every <see cref="Interval"/> in the background: reservations abandoned by
/// a caller are settled at their worst case and old periods are pruned. A failed sweep is logged and tried again at
/// the next tick; it never affects a call.
/// </summary>
internal sealed class BudgetSweeper : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly BudgetLedger ledger;
    private readonly ILogger logger;
    private readonly ITimer timer;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;

    public BudgetSweeper(BudgetLedger ledger, TimeProvider time, ILogger logger)
    {
        this.ledger = ledger;
        this.logger = logger;
        timer = time.CreateTimer(_ => Tick(), null, Interval, Interval);
    }

    public async ValueTask DisposeAsync()
    {
        await timer.DisposeAsync().ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        Task last;
        lock (gate)
        {
            last = running;
        }

        await last.ConfigureAwait(false);
        stopping.Dispose();
    }

    private void Tick()
    {
        lock (gate)
        {
            // One sweep at a time; a tick that finds one still running is skipped.
            if (!running.IsCompleted || stopping.IsCancellationRequested)
            {
                return;
            }

            running = Task.Run(SweepAsync);
        }
    }

    private async Task SweepAsync()
    {
        try
        {
            var result = await ledger.SweepAsync(stopping.Token).ConfigureAwait(false);
            if (result.Recovered > 0)
            {
                logger.LogWarning("budgets: {Count} reservations open for longer than allowed were settled at their worst case", result.Recovered);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A sweep that fails is retried at the next tick; it must not bring the process down.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError("budgets: sweep failed: {Type}: {Message}", e.GetType().Name, e.Message);
        }
    }
}
