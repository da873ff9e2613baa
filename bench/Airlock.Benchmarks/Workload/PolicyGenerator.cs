using System.Globalization;
using System.Text;
using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>
/// Writes agent-governance policies of the kinds an Airlock operator keeps: per-agent and per-group permits on
/// services and operations, per-user permits, and forbids over the call's context (method, path, hour, budget,
/// session scope, delegation depth, source address, agent confidence) with <c>when</c> and <c>unless</c>.
/// Every policy type-checks against <see cref="AirlockSchema"/> in strict mode.
/// </summary>
/// <remarks>
/// Forbid conditions describe anomalies (admin paths, night-time writes, exhausted budgets, deep delegation) and
/// <c>unless</c> clauses describe normal traffic, as real guardrails do; so the benchmark's ordinary request is
/// allowed and each forbid that applies to it is evaluated to the end and found false.
/// </remarks>
internal sealed class PolicyGenerator(AirlockWorkload w, SeededRandom random)
{
    private const string Read = "Airlock::Action::\"read\"";
    private const string Write = "Airlock::Action::\"write\"";

    public List<string> Generate(int count)
    {
        var policies = new List<string> { BenchmarkPermit() };
        policies.AddRange(Guardrails());
        while (policies.Count < count)
        {
            var roll = random.Next(100);
            policies.Add(roll switch
            {
                < 26 => AgentServicePermit(),
                < 34 => AgentOperationPermit(),
                < 47 => GroupServicePermit(),
                < 54 => UserPermit(),
                < 62 => OwnerMirroringPermit(),
                < 76 => ServiceForbid(),
                < 86 => GroupForbid(),
                < 93 => OperationForbid(),
                < 95 => ActionForbid(),
                _ => ToolOrModelPermit(),
            });
        }

        return policies;
    }

    // The permit that lets the benchmark request through: finance's production agents may write to billing-api.
    private static string BenchmarkPermit() => """
        @reason("production agents may write invoices within the session's declared scope")
        permit (
          principal in Airlock::Group::"agents-prod",
          action in Airlock::Action::"write",
          resource in Airlock::Service::"billing-api"
        )
        when { context.session.scope.contains("write:billing-api") && context.budget.remaining >= 100 };
        """;

    // Deployment-wide guardrails: these apply to every request and so are always evaluated.
    private static IEnumerable<string> Guardrails() =>
    [
        """
        @reason("delegation chains deeper than three agents are refused")
        forbid (principal is Airlock::Agent, action, resource)
        when { context.session.delegation_depth > 3 };
        """,
        """
        @reason("the session's budget is exhausted")
        forbid (principal, action, resource)
        when { context.budget.remaining <= 0 };
        """,
        """
        @reason("agents never reach administrative or repository-internal paths")
        forbid (principal is Airlock::Agent, action, resource)
        when { context.request.path like "/admin/*" || context.request.path like "*/.git/*" };
        """,
        """
        @reason("writes outside working hours need a human")
        @approval("required")
        forbid (principal is Airlock::Agent, action in Airlock::Action::"write", resource)
        when { context.time.hour < 6 || context.time.hour >= 22 };
        """,
        """
        @reason("repeated denials in one session suggest a manipulated agent")
        @risk("high")
        forbid (principal is Airlock::Agent, action, resource)
        when { context.history.denials >= 5 };
        """,
        """
        @reason("calls must come from the private network")
        forbid (principal, action, resource)
        unless { context.request.source_ip.isInRange(ip("10.0.0.0/8")) || context.request.source_ip.isLoopback() };
        """,
        """
        @reason("an agent that is unsure of itself may not write")
        forbid (principal is Airlock::Agent, action in Airlock::Action::"write", resource)
        when { context has agent_confidence && context.agent_confidence < 50 };
        """,
        """
        @reason("an agent acts for its owner unless the session was delegated to it")
        forbid (principal is Airlock::Agent, action, resource)
        unless { principal.owner == context.session.user || context.session.delegation_depth > 0 };
        """,
    ];

    private string AgentServicePermit()
    {
        var agent = random.Pick(w.Agents);
        var service = random.Pick(w.Services);
        var when = random.Chance(0.8) ? NormalTraffic(service, agentPrincipal: true) : null;
        return Policy(
            $"{agent.Uid.Id} may use {service.Name}",
            "permit",
            "principal == " + Cedar(agent.Uid),
            ActionFor(service),
            "resource in " + Cedar(service.Uid),
            when,
            null);
    }

    private string AgentOperationPermit()
    {
        var agent = random.Pick(w.Agents);
        var op = random.Pick(w.Operations);
        return Policy(
            $"{agent.Uid.Id} may call {op.Uid.Id}",
            "permit",
            "principal == " + Cedar(agent.Uid),
            "action == " + Cedar(op.Action),
            "resource == " + Cedar(op.Uid),
            random.Chance(0.5) ? $"context.request.body_bytes <= {random.Next(16, 1025) * 1024}" : NormalTraffic(op.Service, agentPrincipal: true),
            null);
    }

    private string GroupServicePermit()
    {
        var group = random.Chance(0.35) ? random.Pick(w.AgentGroups) : random.Pick(w.HumanGroups);
        var service = random.Pick(w.Services);
        var agentsOnly = random.Chance(0.5);
        var principal = agentsOnly ? "principal is Airlock::Agent in " + Cedar(group) : "principal in " + Cedar(group);
        return Policy(
            $"members of {group.Id} may use {service.Name}",
            "permit",
            principal,
            ActionFor(service),
            "resource in " + Cedar(service.Uid),
            NormalTraffic(service, agentsOnly),
            null);
    }

    private string UserPermit()
    {
        var user = random.Pick(w.Users);
        var service = random.Pick(w.Services);
        return Policy(
            $"{user.Uid.Id} works with {service.Name}",
            "permit",
            "principal == " + Cedar(user.Uid),
            ActionFor(service),
            "resource in " + Cedar(service.Uid),
            random.Chance(0.5) ? $"principal.clearance >= {random.Next(1, 4)}" : null,
            null);
    }

    // Permission mirroring: an agent may read what its owner's department may read.
    private string OwnerMirroringPermit()
    {
        var group = random.Pick(w.HumanGroups);
        var service = random.Pick(w.Services.Where(s => s.Kind == "http").ToList());
        return Policy(
            $"agents of {group.Id} members may read {service.Name}",
            "permit",
            "principal is Airlock::Agent",
            "action in " + Read,
            "resource in " + Cedar(service.Uid),
            $"principal.owner in {Cedar(group)} && principal.owner == context.session.user",
            null);
    }

    private string ServiceForbid()
    {
        var service = random.Pick(w.Services);
        var agentsOnly = random.Chance(0.6);
        var (reason, when) = Anomaly(agentsOnly);
        return Policy(
            reason + " on " + service.Name,
            "forbid",
            agentsOnly ? "principal is Airlock::Agent" : "principal",
            random.Chance(0.5) ? "action" : ActionFor(service),
            "resource in " + Cedar(service.Uid),
            when,
            null,
            random.Chance(0.2));
    }

    private string GroupForbid()
    {
        var group = random.Chance(0.5) ? random.Pick(w.AgentGroups) : random.Pick(w.HumanGroups);
        var service = random.Pick(w.Services);
        var unless = random.Next(4) switch
        {
            0 => $"context.session.scope.contains(\"write:{service.Name}\")",
            1 => $"principal.trust >= {random.Next(3, 9)}",
            2 => "context.time.hour >= 7 && context.time.hour < 20",
            _ => "principal.owner == context.session.user && context.request.source_ip.isInRange(ip(\"10.0.0.0/8\"))",
        };
        return Policy(
            $"{group.Id} agents need a reason to write to {service.Name}",
            "forbid",
            "principal is Airlock::Agent in " + Cedar(group),
            service.Kind == "http" ? "action in " + Write : ActionFor(service),
            "resource in " + Cedar(service.Uid),
            null,
            unless);
    }

    // High-risk operations: refused unless the agent is confident and the session is clean.
    private string OperationForbid()
    {
        var op = random.Pick(w.Operations);
        return Policy(
            $"{op.Uid.Id} is {op.Risk}-risk",
            "forbid",
            "principal is Airlock::Agent",
            "action",
            "resource == " + Cedar(op.Uid),
            null,
            $"context has agent_confidence && context.agent_confidence >= {random.Next(60, 90)} && context.history.denials == 0",
            op.Risk == "high");
    }

    private string ActionForbid()
    {
        var (reason, action, when) = random.Next(3) switch
        {
            0 => ("no deletes at weekends or after hours", "action == Airlock::Action::\"DELETE\"", "context.time.weekday >= 5 || context.time.hour >= 18"),
            1 => ("no uploads over 10 MiB", "action in " + Write, "context.request.body_bytes > 10485760"),
            _ => ("no completions on a nearly spent budget", "action == Airlock::Action::\"complete\"", "context.budget.remaining < 500"),
        };
        return Policy(reason, "forbid", "principal is Airlock::Agent", action, "resource", when, null);
    }

    private string ToolOrModelPermit()
    {
        var kind = random.Chance(0.5) ? "mcp" : "llm";
        var service = random.Pick(w.Services.Where(s => s.Kind == kind).ToList());
        var group = random.Pick(w.AgentGroups);
        var when = kind == "mcp"
            ? "resource.risk != \"high\" || (context has agent_confidence && context.agent_confidence >= 90)"
            : $"context.budget.remaining >= {random.Next(1, 50) * 100} && context.request.body_bytes <= 200000";
        return Policy($"{group.Id} may use {service.Name}", "permit", "principal in " + Cedar(group), ActionFor(service),
            "resource in " + Cedar(service.Uid), when, null);
    }

    // Conditions that hold for ordinary office-hours traffic inside the session's scope.
    private string NormalTraffic(ServiceInfo service, bool agentPrincipal)
    {
        var choices = new List<string>
        {
            $"context.time.hour >= {random.Next(6, 9)} && context.time.hour < {random.Next(18, 22)}",
            "context.budget.remaining > 0",
            $"context.session.scope.contains(\"read:{service.Name}\")",
            "context.request.source_ip.isInRange(ip(\"10.0.0.0/8\"))",
            $"context.session.delegation_depth <= {random.Next(1, 4)}",
        };
        if (agentPrincipal)
        {
            choices.Add($"principal.trust >= {random.Next(2, 9)}");
            choices.Add("principal.owner == context.session.user");
        }

        var first = random.Pick(choices);
        var second = random.Pick(choices);
        return first == second ? first : first + " && " + second;
    }

    // Conditions that describe abnormal calls.
    private (string Reason, string When) Anomaly(bool agentPrincipal)
    {
        var count = agentPrincipal ? 10 : 9;
        return random.Next(count) switch
        {
            0 => ("no admin endpoints", "context.request.path like \"/admin/*\""),
            1 => ("bulk exports need approval", "context.request.path like \"*/export*\" && context.budget.remaining < 5000"),
            2 => ("no deletes before business hours", $"context.request.method == \"DELETE\" && context.time.hour < {random.Next(7, 10)}"),
            3 => ("no night-time calls", $"context.time.hour < {random.Next(4, 7)} || context.time.hour >= {random.Next(21, 24)}"),
            4 => ("weekends are read-only", "context.time.weekday >= 5 && context.request.method != \"GET\""),
            5 => ("budget nearly spent", $"context.budget.remaining < {random.Next(1, 11) * 100}"),
            6 => ("payload too large", "context.request.body_bytes > 1048576"),
            7 => ("deep delegation", $"context.session.delegation_depth > {random.Next(2, 4)}"),
            8 => ("restricted data needs a confident agent",
                "resource is Airlock::Operation && resource.data_class == \"restricted\" && !(context has agent_confidence)"),
            _ => ("untrusted agent", $"principal.trust < {random.Next(2, 7)} && context.request.method != \"GET\""),
        };
    }

    private string ActionFor(ServiceInfo service) => service.Kind switch
    {
        "mcp" => "action == Airlock::Action::\"call_tool\"",
        "llm" => "action == Airlock::Action::\"complete\"",
        _ => random.Next(6) switch
        {
            0 => "action in " + Read,
            1 => "action in " + Write,
            2 => $"action in [{Read}, {Write}]",
            3 => "action == Airlock::Action::\"GET\"",
            4 => "action in [Airlock::Action::\"GET\", Airlock::Action::\"HEAD\"]",
            _ => "action",
        },
    };

    private static string Policy(
        string reason, string effect, string principal, string action, string resource, string? when, string? unless, bool risky = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"@reason(\"{reason}\")\n");
        if (risky)
        {
            text.Append("@risk(\"high\")\n@approval(\"required\")\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{effect} (\n  {principal},\n  {action},\n  {resource}\n)");
        if (when is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nwhen {{ {when} }}");
        }

        if (unless is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nunless {{ {unless} }}");
        }

        return text.Append(';').ToString();
    }

    private static string Cedar(EntityUid uid) => Names.Cedar(uid);
}
