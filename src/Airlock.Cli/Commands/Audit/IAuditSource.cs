using Airlock.Core.Audit;

namespace Airlock.Cli.Commands.Audit;

/// <summary>Where the audit commands read the log: a data directory opened read-only, or a running gateway's admin API.</summary>
internal interface IAuditSource : IAsyncDisposable
{
    Task<long> SizeAsync(CancellationToken ct);

    /// <summary>Up to <paramref name="limit"/> records from <paramref name="from"/>, each exactly its canonical bytes.</summary>
    Task<IReadOnlyList<byte[]>> ReadAsync(long from, int limit, CancellationToken ct);

    Task<AuditVerifyOutcome> VerifyAsync(IReadOnlyList<SignedTreeHead> exported, CancellationToken ct);
}
