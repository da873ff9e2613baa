namespace Airlock.Core.Audit;

/// <summary>A session's sealed decision records: all of them, and those that denied the call.</summary>
public sealed record SessionDecisionCounts(long Decisions, long Denials);
