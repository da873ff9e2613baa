using Airlock.Cedar;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>Builds agent requests: the one the benchmarks time, and varied ones that check both engines agree.</summary>
internal static class AgentRequests
{
    private static readonly string[] Intents =
        ["reconcile October invoices", "triage new support tickets", "summarize the incident", "draft release notes"];

    /// <summary>
    /// agent-007 (production, trust 9, acting for finance's user-012) creates an invoice in billing-api during
    /// office hours, inside its declared scope and budget: the common path, where a permit holds and every
    /// applicable forbid is evaluated and found false.
    /// </summary>
    public static Request Benchmark(AirlockWorkload w)
    {
        var op = w.Operations.First(o => o.Uid.Id == "billing-api/create-invoices");
        var agent = w.Agents[7];
        var context = new CallContext(
            Method: "POST",
            Path: "/v1/invoices",
            BodyBytes: 812,
            SourceIp: "10.12.3.4",
            Hour: 14,
            Weekday: 2,
            Spent: 1250,
            Remaining: 8750,
            SessionUser: agent.Owner,
            Intent: Intents[0],
            Scope: ["read:billing-api", "write:billing-api", "read:crm"],
            DelegationDepth: 1,
            Calls: 17,
            Denials: 0,
            LastAction: "GET",
            Confidence: 92);
        return new Request(agent.Uid, op.Action, op.Uid, context.ToRecord());
    }

    /// <summary>
    /// Varied requests that reach allows and denies: half aim at the scope of a random permit of
    /// <paramref name="policies"/> (so permits are exercised, not only the default deny), half are random; contexts
    /// are mostly ordinary traffic with some anomalies (night hours, spent budgets, admin paths, outside addresses).
    /// </summary>
    public static List<Request> Varied(AirlockWorkload w, PolicySet policies, int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var permits = policies.Policies.Where(p => p.Effect == Effect.Permit).ToList();
        var requests = new List<Request> { Benchmark(w) };
        while (requests.Count < count)
        {
            var (principal, op) = random.Chance(0.5) ? Aim(w, random, random.Pick(permits)) : (RandomPrincipal(w, random), random.Pick(w.Operations));
            var ordinary = random.Chance(0.6);
            var sessionUser = principal.Type == Names.User("x").Type ? principal : w.Agents.First(a => a.Uid == principal).Owner;
            var service = op.Service.Name;
            List<string> scope = random.Chance(0.7) ? ["read:" + service, "write:" + service] : ["read:" + service];
            var path = !ordinary && random.Chance(0.2)
                ? "/admin/users"
                : op.Path.Replace("{id}", "in_" + random.Next(1000), StringComparison.Ordinal);
            var context = new CallContext(
                Method: op.Method,
                Path: path,
                BodyBytes: !ordinary && random.Chance(0.1) ? 5_000_000 : random.Next(0, 20_000),
                SourceIp: ordinary || random.Chance(0.8) ? $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}" : "203.0.113.9",
                Hour: ordinary ? random.Next(8, 18) : random.Next(24),
                Weekday: ordinary ? random.Next(5) : random.Next(7),
                Spent: random.Next(0, 10_000),
                Remaining: ordinary ? random.Next(5_000, 20_000) : random.Chance(0.2) ? 0 : random.Next(1, 20_000),
                SessionUser: sessionUser,
                Intent: random.Pick(Intents),
                Scope: scope,
                DelegationDepth: ordinary ? random.Next(0, 3) : random.Next(0, 5),
                Calls: random.Next(0, 200),
                Denials: ordinary ? random.Next(0, 2) : random.Next(0, 7),
                LastAction: random.Chance(0.5) ? "GET" : "POST",
                Confidence: !ordinary && random.Chance(0.3) ? null : ordinary ? random.Next(60, 101) : random.Next(20, 101));
            requests.Add(new Request(principal, op.Action, op.Uid, context.ToRecord()));
        }

        return requests;
    }

    // A principal and operation inside the scope of `permit`.
    private static (EntityUid Principal, OperationInfo Op) Aim(AirlockWorkload w, SeededRandom random, Policy permit)
    {
        var principal = permit.Principal.Entity switch
        {
            null => RandomPrincipal(w, random),
            { Type: var t } p when t == Names.Group("x").Type =>
                Members(w, p) is { Count: > 0 } members ? random.Pick(members) : RandomPrincipal(w, random),
            var p => p,
        };
        var ops = permit.Resource.Entity switch
        {
            null => w.Operations,
            var r => w.Operations.Where(o => o.Uid == r || o.Service.Uid == r).ToList(),
        };
        return (principal, random.Pick(ops));
    }

    private static List<EntityUid> Members(AirlockWorkload w, EntityUid group) =>
    [
        .. w.Agents.Where(a => w.Entities.TryGet(a.Uid, out var e) && e.IsDescendantOf(group)).Select(a => a.Uid),
        .. w.Users.Where(u => w.Entities.TryGet(u.Uid, out var e) && e.IsDescendantOf(group)).Select(u => u.Uid),
    ];

    private static EntityUid RandomPrincipal(AirlockWorkload w, SeededRandom random) =>
        random.Chance(0.2) ? random.Pick(w.Users).Uid : random.Pick(w.Agents).Uid;
}
