using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>An agent, the user it acts for, and the groups it belongs to.</summary>
internal sealed record AgentInfo(EntityUid Uid, EntityUid Owner, int Trust, string Environment, IReadOnlyList<EntityUid> Groups);
