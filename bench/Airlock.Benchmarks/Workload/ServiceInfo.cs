using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>A registered upstream: an HTTP API, an LLM provider or an MCP tool server.</summary>
internal sealed record ServiceInfo(EntityUid Uid, string Name, string Kind, string Team);
