using Airlock.Benchmarks.Workload;
using Airlock.Cedar;
using BenchmarkDotNet.Attributes;

namespace Airlock.Benchmarks;

/// <summary>
/// One authorization of the workload's ordinary agent call (an allow, with every applicable forbid evaluated)
/// against policy sets of 10, 100 and 1,000 policies. Parsing and entity loading happen once, in setup.
/// </summary>
[MemoryDiagnoser]
public class AuthorizeBenchmarks
{
    private PolicySet policies = PolicySet.Empty;
    private Entities entities = Entities.Empty;
    private Request request = null!;

    [Params(10, 100, 1000)]
    public int Policies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = AirlockWorkload.Shared;
        policies = PolicySet.Parse(workload.PolicyText(Policies));
        entities = workload.Entities;
        request = workload.BenchmarkRequest;

        // A benchmark of the wrong path measures nothing useful: insist on the common path, an allow without errors.
        var response = Authorizer.IsAuthorized(request, policies, entities);
        if (response.Decision != Decision.Allow || response.Errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"the benchmark request should be allowed without errors with {Policies} policies, got {response.Decision} " +
                $"({string.Join(", ", response.DeterminingPolicies)}; {string.Join("; ", response.Errors.Select(e => e.PolicyId + ": " + e.Message))})");
        }
    }

    [Benchmark]
    public AuthorizationResponse Authorize() => Authorizer.IsAuthorized(request, policies, entities);
}
