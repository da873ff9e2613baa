using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>A named operation of a service, with the action a call to it is authorized as.</summary>
internal sealed record OperationInfo(
    EntityUid Uid, ServiceInfo Service, EntityUid Action, string Method, string Path, string Risk, string DataClass);
