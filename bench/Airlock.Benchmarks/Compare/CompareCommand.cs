using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Airlock.Benchmarks.Workload;
using Airlock.Cedar;
using Airlock.Cedar.Schemas;

namespace Airlock.Benchmarks.Compare;

/// <summary>
/// <c>compare</c>: writes the workload to a folder, decides and times it with Airlock, runs the Node script on the
/// same files with the reference engine, checks that both engines decide every request alike, and prints the table.
/// </summary>
internal static class CompareCommand
{
    private const ulong AgreementSeed = 0xC0FFEE;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = CompareOptions.Parse(args);
        var nodeDirectory = NodeRunner.ScriptDirectory(options);
        var folder = options.OutputDirectory
            ?? Path.Combine(Path.GetTempPath(), "airlock-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return Compare(options, nodeDirectory, folder);
        }
        finally
        {
            if (!options.Keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int Compare(CompareOptions options, string nodeDirectory, string folder)
    {
        var workload = AirlockWorkload.Shared;
        var largest = PolicySet.Parse(workload.PolicyText(AirlockWorkload.PolicyCounts.Max()));
        WorkloadFiles.Write(folder, workload, AgentRequests.Varied(workload, largest, options.AgreementRequests, AgreementSeed), options);
        Console.WriteLine($"workload: {workload.EntityList.Count} entities, {options.AgreementRequests} agreement requests, files in {folder}");
        Console.WriteLine($"timing: {options.Iterations} calls per engine and size after a warm-up of ≥{options.WarmupCalls} calls and ≥{options.WarmupMs} ms");
        Console.WriteLine($"host: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");

        // Airlock reads the very files the Node side reads, through its own JSON readers and parser.
        var entities = Entities.FromJson(File.ReadAllText(Path.Combine(folder, "entities.json")));
        Request request;
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "request.json"))))
        {
            request = WorkloadFiles.ReadRequest(doc.RootElement);
        }

        var requests = WorkloadFiles.ReadRequests(Path.Combine(folder, "requests.json"));
        var entitiesJson = File.ReadAllText(Path.Combine(folder, "entities.json"));
        var airlockDecisions = new Dictionary<int, List<DecisionSummary>>();
        var airlockTimes = new Dictionary<int, LatencyStats>();
        foreach (var count in AirlockWorkload.PolicyCounts)
        {
            var policies = PolicySet.Parse(File.ReadAllText(Path.Combine(folder, $"policies-{count}.cedar")));
            airlockDecisions[count] = [.. requests.Select(r => DecisionSummary.Of(Authorizer.IsAuthorized(r, policies, entities)))];
            airlockTimes[count] = LatencySampler.Measure(() => Authorizer.IsAuthorized(request, policies, entities), options);
            Console.WriteLine($"Airlock {count} policies: {Us(airlockTimes[count].MedianUs)} µs median");
        }

        var largestText = File.ReadAllText(Path.Combine(folder, $"policies-{AirlockWorkload.PolicyCounts.Max()}.cedar"));
        var validator = new Validator(Schema.Parse(File.ReadAllText(Path.Combine(folder, "schema.cedarschema"))));
        var loadOptions = options with { Iterations = options.LoadIterations, WarmupCalls = options.LoadWarmupCalls };
        var airlockLoad = new Dictionary<string, LatencyStats>
        {
            ["parse"] = LatencySampler.Measure(() => PolicySet.Parse(largestText), loadOptions),
            ["parseAndValidate"] = LatencySampler.Measure(() => validator.Validate(PolicySet.Parse(largestText)), loadOptions),
            ["entities"] = LatencySampler.Measure(() => Entities.FromJson(entitiesJson), loadOptions),
        };

        NodeRunner.Run(nodeDirectory, folder);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = results.RootElement;
        Console.WriteLine();
        Console.WriteLine($"reference: {root.GetProperty("engine").GetString()} (Cedar {root.GetProperty("cedarVersion").GetString()}) on Node {root.GetProperty("node").GetString()}");

        Console.WriteLine($"load average at the end: {LoadAverage()}");
        var agree = CheckAgreement(root, airlockDecisions, validator, folder);
        PrintTable(root, airlockTimes);
        PrintLoadTable(root, airlockLoad, workload);
        return agree ? 0 : 1;
    }

    private static bool CheckAgreement(JsonElement root, Dictionary<int, List<DecisionSummary>> airlock, Validator validator, string folder)
    {
        var agree = true;
        Console.WriteLine();
        foreach (var count in AirlockWorkload.PolicyCounts)
        {
            var reference = root.GetProperty("decisions").GetProperty(count.ToString(CultureInfo.InvariantCulture))
                .EnumerateArray().Select(ReadSummary).ToList();
            var ours = airlock[count];
            var mismatches = Enumerable.Range(0, ours.Count).Where(i => !ours[i].SameAs(reference[i])).ToList();
            var allows = ours.Count(d => d.Decision == "allow");
            var sliced = ReadSummary(root.GetProperty("slicedDecision").GetProperty(count.ToString(CultureInfo.InvariantCulture)));
            Console.WriteLine(
                $"{count,5} policies: benchmark request → Airlock {ours[0]}, cedar-wasm {reference[0]} (sliced entities: {sliced}); " +
                $"{ours.Count - mismatches.Count}/{ours.Count} requests decided alike ({allows} allow, {ours.Count - allows} deny)");
            foreach (var i in mismatches.Take(5))
            {
                Console.WriteLine($"      MISMATCH on request {i}: Airlock {ours[i]}, cedar-wasm {reference[i]}");
            }

            var validation = root.GetProperty("validation").GetProperty(count.ToString(CultureInfo.InvariantCulture)).GetProperty("errors");
            var ourValidation = validator.Validate(PolicySet.Parse(File.ReadAllText(Path.Combine(folder, $"policies-{count}.cedar"))));
            Console.WriteLine(
                $"      strict validation against the schema: Airlock {ourValidation.Errors.Count} errors, cedar-wasm {validation.GetArrayLength()} errors" +
                (validation.GetArrayLength() > 0 ? $", e.g. {validation[0].GetString()}" : string.Empty) +
                (ourValidation.Errors.Count > 0 ? $", e.g. {ourValidation.Errors[0]}" : string.Empty));

            agree &= mismatches.Count == 0 && sliced.SameAs(ours[0]) && validation.GetArrayLength() == ourValidation.Errors.Count;
        }

        return agree;
    }

    private static void PrintTable(JsonElement root, Dictionary<int, LatencyStats> airlock)
    {
        Console.WriteLine();
        Console.WriteLine("| policies | Airlock median µs | cedar-wasm isAuthorized median µs | ratio | cedar-wasm preparsed median µs | ratio | cedar-wasm preparsed, sliced entities median µs | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var count in AirlockWorkload.PolicyCounts)
        {
            var timings = root.GetProperty("timings").GetProperty(count.ToString(CultureInfo.InvariantCulture));
            var stateless = timings.GetProperty("isAuthorized").GetProperty("medianUs").GetDouble();
            var stateful = timings.GetProperty("statefulIsAuthorized").GetProperty("medianUs").GetDouble();
            var sliced = timings.GetProperty("statefulSliced").GetProperty("medianUs").GetDouble();
            var ours = airlock[count].MedianUs;
            Console.WriteLine(
                $"| {count} | {Us(ours)} | {Us(stateless)} | {Ratio(stateless / ours)} | {Us(stateful)} | {Ratio(stateful / ours)} | {Us(sliced)} | {Ratio(sliced / ours)} |");
        }

        Console.WriteLine();
        Console.WriteLine("isAuthorized parses the policy text and all entities on every call; \"preparsed\" uses preparsePolicySet once");
        Console.WriteLine("and statefulIsAuthorized per call, which still converts the entities it is given (all of them, or only the");
        Console.WriteLine("request's slice). Airlock holds parsed policies and entities and only decides; the loading table compares parsing.");
    }

    private static void PrintLoadTable(JsonElement root, Dictionary<string, LatencyStats> airlock, AirlockWorkload workload)
    {
        var load = root.GetProperty("load");
        Console.WriteLine();
        Console.WriteLine("| loading | Airlock median ms | cedar-wasm median ms | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        var policies = AirlockWorkload.PolicyCounts.Max().ToString("N0", CultureInfo.InvariantCulture);
        foreach (var (key, label) in new[]
        {
            ("parse", $"parse {policies} policies (cedar-wasm: checkParsePolicySet)"),
            ("parseAndValidate", $"parse and validate {policies} policies, strict (cedar-wasm: validate)"),
            ("entities", $"{workload.EntityList.Count} entities from JSON (cedar-wasm: checkParseEntities)"),
        })
        {
            var ours = airlock[key].MedianUs / 1000;
            var theirs = load.GetProperty(key).GetProperty("medianUs").GetDouble() / 1000;
            Console.WriteLine($"| {label} | {Ms(ours)} | {Ms(theirs)} | {Ratio(theirs / ours)} |");
        }
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static DecisionSummary ReadSummary(JsonElement e) => new(
        e.GetProperty("decision").GetString()!,
        [.. e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)],
        [.. e.GetProperty("errors").EnumerateArray().Select(r => r.GetString()![..r.GetString()!.IndexOf(':', StringComparison.Ordinal)])
            .Order(StringComparer.Ordinal)]);

    // On a shared host the numbers mean little without the load they were taken under.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Us(double us) => us.ToString(us < 10 ? "0.00" : us < 1000 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Ratio(double r) => r.ToString(r < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + "×";
}
