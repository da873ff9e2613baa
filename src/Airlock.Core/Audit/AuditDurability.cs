namespace Airlock.Core.Audit;

/// <summary>
/// When an audit record counts as sealed, which is what a call waits for before it is forwarded (docs/audit.md,
/// "Durability").
/// </summary>
public enum AuditDurability
{
    /// <summary>
    /// Written to the operating system with the commit: survives Airlock crashing or being killed (the <c>kill -9</c>
    /// test), not the machine losing power. No disk flush on the request path.
    /// </summary>
    OperatingSystem,

    /// <summary>Flushed to the disk with the commit (fsync): survives power loss too, at the disk's flush latency per group commit.</summary>
    Disk,
}
