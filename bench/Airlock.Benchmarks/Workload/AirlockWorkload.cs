using Airlock.Cedar;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>
/// A deterministic model of one Airlock deployment: groups, the users agents act for, agents, registered services
/// with their operations, the action hierarchy, a generated policy set and the agent requests to decide.
/// The same seed always gives the same workload, so numbers from different runs describe the same work.
/// </summary>
internal sealed class AirlockWorkload
{
    public const ulong DefaultSeed = 0xA1_4C_0C_4B;

    /// <summary>The policy-set sizes every benchmark and the comparison run at.</summary>
    public static readonly int[] PolicyCounts = [10, 100, 1000];

    private static readonly Lazy<AirlockWorkload> SharedInstance = new(() => new AirlockWorkload(DefaultSeed));

    private static readonly string[] HumanGroupNames =
        ["platform", "engineering", "security", "data", "oncall", "finance", "support", "sales", "exec", "contractors"];

    private static readonly string[] ServiceNames =
    [
        "github", "gitlab", "jira", "confluence", "slack", "pagerduty", "datadog", "stripe", "billing-api", "crm",
        "zendesk", "salesforce", "s3-reports", "snowflake", "postgres-analytics", "kubernetes", "terraform-cloud",
        "email-gateway", "calendar", "hr-system", "payroll", "search-api",
        "openai", "anthropic", "azure-openai",
        "mcp-filesystem", "mcp-git", "mcp-browser", "mcp-search", "mcp-shell",
    ];

    private static readonly string[] Models = ["gpt-4.1", "gpt-4o-mini", "claude-sonnet", "claude-haiku", "llama-3-70b"];

    private static readonly string[] DataClasses = ["public", "internal", "confidential", "restricted"];

    private readonly List<Entity> entities = [];

    public AirlockWorkload(ulong seed)
    {
        var random = new SeededRandom(seed);
        BuildActions();
        BuildGroups();
        BuildUsers(random);
        BuildAgents(random);
        BuildServices(random);
        Entities = new Entities(entities);
        Policies = new PolicyGenerator(this, new SeededRandom(seed ^ 0x5EED)).Generate(PolicyCounts.Max());
        BenchmarkRequest = AgentRequests.Benchmark(this);
    }

    /// <summary>The workload every benchmark uses, built once per process.</summary>
    public static AirlockWorkload Shared => SharedInstance.Value;

    public Entities Entities { get; }

    /// <summary>Every entity, in the order they were built (also the order of the JSON file).</summary>
    public IReadOnlyList<Entity> EntityList => entities;

    /// <summary>Generated policies, most important first: a policy set of size N is the first N of these.</summary>
    public IReadOnlyList<string> Policies { get; }

    /// <summary>The request the authorization benchmarks decide: a production agent creating an invoice.</summary>
    public Request BenchmarkRequest { get; }

    public List<EntityUid> HumanGroups { get; } = [];

    public List<EntityUid> AgentGroups { get; } = [];

    public List<UserInfo> Users { get; } = [];

    public List<AgentInfo> Agents { get; } = [];

    public List<ServiceInfo> Services { get; } = [];

    public List<OperationInfo> Operations { get; } = [];

    /// <summary>The policy text of a set of <paramref name="count"/> policies.</summary>
    public string PolicyText(int count)
    {
        if (count > Policies.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"at most {Policies.Count} policies are generated");
        }

        return string.Join("\n\n", Policies.Take(count)) + "\n";
    }

    private void BuildActions()
    {
        // HTTP methods are grouped under `read` and `write`; tool calls and completions are actions of their own.
        Add(Names.Action("read"), RecordValue.Empty, []);
        Add(Names.Action("write"), RecordValue.Empty, []);
        foreach (var m in new[] { "GET", "HEAD" })
        {
            Add(Names.Action(m), RecordValue.Empty, [Names.Action("read")]);
        }

        foreach (var m in new[] { "POST", "PUT", "PATCH", "DELETE" })
        {
            Add(Names.Action(m), RecordValue.Empty, [Names.Action("write")]);
        }

        Add(Names.Action("call_tool"), RecordValue.Empty, []);
        Add(Names.Action("complete"), RecordValue.Empty, []);
    }

    private void BuildGroups()
    {
        // Departments sit under `everyone`, engineering teams under `engineering`; agents sit under `agents`.
        Add(Names.Group("everyone"), Attrs(("name", Str("Everyone"))), []);
        Add(Names.Group("agents"), Attrs(("name", Str("All agents"))), []);
        foreach (var name in HumanGroupNames)
        {
            var parent = name is "platform" or "security" or "data" or "oncall" ? "engineering" : "everyone";
            var uid = Names.Group(name);
            Add(uid, Attrs(("name", Str(name))), [Names.Group(parent)]);
            HumanGroups.Add(uid);
        }

        foreach (var env in new[] { "prod", "staging", "sandbox" })
        {
            var uid = Names.Group("agents-" + env);
            Add(uid, Attrs(("name", Str(env + " agents"))), [Names.Group("agents")]);
            AgentGroups.Add(uid);
        }
    }

    private void BuildUsers(SeededRandom random)
    {
        for (var i = 0; i < 80; i++)
        {
            var department = i == 12 ? Names.Group("finance") : random.Pick(HumanGroups.Where(g => g.Id != "oncall").ToList());
            List<EntityUid> groups = random.Chance(0.1) ? [department, Names.Group("oncall")] : [department];
            var uid = Names.User($"user-{i:D3}");
            Add(uid, Attrs(
                ("email", Str($"user-{i:D3}@example.com")),
                ("department", Str(department.Id)),
                ("clearance", LongValue.Of(random.Next(1, 6)))), groups);
            Users.Add(new UserInfo(uid, department.Id, groups));
        }
    }

    private void BuildAgents(SeededRandom random)
    {
        for (var i = 0; i < 120; i++)
        {
            // agent-007 is the benchmark's agent: a trusted production agent working for finance's user-012.
            var bench = i == 7;
            var owner = bench ? Users[12] : random.Pick(Users);
            var env = bench ? "prod" : random.Chance(0.5) ? "prod" : random.Chance(0.6) ? "staging" : "sandbox";
            var trust = bench ? 9 : random.Next(0, 11);
            List<EntityUid> groups = [Names.Group("agents-" + env), owner.Groups[0]];
            var uid = Names.Agent($"agent-{i:D3}");
            Add(uid, Attrs(
                ("owner", new EntityValue(owner.Uid)),
                ("model", Str(random.Pick(Models))),
                ("trust", LongValue.Of(trust)),
                ("environment", Str(env))), groups);
            Agents.Add(new AgentInfo(uid, owner.Uid, trust, env, groups));
        }
    }

    private void BuildServices(SeededRandom random)
    {
        foreach (var name in ServiceNames)
        {
            var kind = name.StartsWith("mcp-", StringComparison.Ordinal) ? "mcp"
                : name is "openai" or "anthropic" or "azure-openai" ? "llm" : "http";
            var team = random.Pick(HumanGroups).Id;
            var service = new ServiceInfo(Names.Service(name), name, kind, team);
            Add(service.Uid, Attrs(("host", Str(name + ".internal.example.com")), ("kind", Str(kind)), ("team", Str(team))), []);
            Services.Add(service);
            foreach (var (op, method, path, risk) in OperationsOf(name, kind))
            {
                var action = kind switch { "mcp" => "call_tool", "llm" => "complete", _ => method };
                var info = new OperationInfo(
                    Names.Operation(name + "/" + op), service, Names.Action(action), method, path, risk, random.Pick(DataClasses));
                Add(info.Uid, Attrs(
                    ("service", new EntityValue(service.Uid)),
                    ("method", Str(method)),
                    ("path", Str(path)),
                    ("risk", Str(risk)),
                    ("data_class", Str(info.DataClass))), [service.Uid]);
                Operations.Add(info);
            }
        }
    }

    private static IEnumerable<(string Op, string Method, string Path, string Risk)> OperationsOf(string service, string kind)
    {
        switch (kind)
        {
            case "llm":
                yield return ("chat.completions", "POST", "/v1/chat/completions", "medium");
                yield return ("embeddings", "POST", "/v1/embeddings", "low");
                yield return ("responses", "POST", "/v1/responses", "medium");
                break;
            case "mcp":
                yield return ("read", "POST", "/tools/read", "low");
                yield return ("list", "POST", "/tools/list", "low");
                yield return ("search", "POST", "/tools/search", "low");
                yield return ("write", "POST", "/tools/write", "medium");
                yield return ("execute", "POST", "/tools/execute", "high");
                break;
            default:
                var noun = service == "billing-api" ? "invoices" : "items";
                yield return ($"list-{noun}", "GET", $"/v1/{noun}", "low");
                yield return ($"get-{noun}", "GET", $"/v1/{noun}/{{id}}", "low");
                yield return ($"create-{noun}", "POST", $"/v1/{noun}", "medium");
                yield return ($"update-{noun}", "PATCH", $"/v1/{noun}/{{id}}", "medium");
                yield return ($"delete-{noun}", "DELETE", $"/v1/{noun}/{{id}}", "high");
                yield return ("search", "GET", "/v1/search", "low");
                yield return ("export", "GET", "/v1/export", "high");
                yield return ("admin-settings", "PUT", "/admin/settings", "high");
                break;
        }
    }

    private void Add(EntityUid uid, RecordValue attrs, IEnumerable<EntityUid> parents) =>
        entities.Add(new Entity(uid, attrs, parents));

    private static StringValue Str(string s) => new(s);

    private static RecordValue Attrs(params (string Name, Value Value)[] attrs) =>
        new(attrs.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    /// <summary>The address an agent calls from; inside the private network unless a test says otherwise.</summary>
    public static IpAddrValue Ip(string text) => IpAddrValue.Parse(text);
}
