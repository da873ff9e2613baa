using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>A person agents act for, with the groups (departments, on-call) they belong to.</summary>
internal sealed record UserInfo(EntityUid Uid, string Department, IReadOnlyList<EntityUid> Groups);
