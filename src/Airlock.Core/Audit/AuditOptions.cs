namespace Airlock.Core.Audit;

/// <summary>Tunables of the <see cref="AuditLog"/>, with their defaults.</summary>
public sealed record AuditOptions
{
    /// <summary>How long <see cref="AuditLog.AppendAsync"/> waits for the commit before refusing (default 2 s).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A checkpoint is signed once this many records follow the last one (default 1000).</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>A checkpoint is signed this often while there are new records (default 10 s).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When set, every checkpoint is also appended to this file as one JSON line (outside the database).</summary>
    public string? CheckpointFile { get; init; }

    /// <summary>When a record counts as sealed (default <see cref="AuditDurability.OperatingSystem"/>; docs/audit.md, "Durability").</summary>
    public AuditDurability Durability { get; init; } = AuditDurability.OperatingSystem;

    /// <summary>
    /// The longest the writer holds a <see cref="AuditLog.TryAppendDeferred"/> record waiting for one a call waits on,
    /// to share its commit (default 5 ms).
    /// </summary>
    public TimeSpan DeferredHold { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The most records committed in one transaction (default 512).</summary>
    public int MaxBatch { get; init; } = 512;

    /// <summary>The most records waiting for the writer; past it appends are refused at once (default 10,000).</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Told about failures that refuse no call (a checkpoint not written); never given a record's values.</summary>
    public Action<string, Exception?>? OnWarning { get; init; }
}
