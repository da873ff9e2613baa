using System.Text.Json;
using Airlock.Benchmarks.Workload;
using Airlock.Cedar;

namespace Airlock.Benchmarks.Compare;

/// <summary>Writes the workload as the files both engines load: policy text, entity JSON, request JSON and the schema.</summary>
internal static class WorkloadFiles
{
    public static void Write(string folder, AirlockWorkload workload, IReadOnlyList<Request> requests, CompareOptions options)
    {
        Directory.CreateDirectory(folder);
        foreach (var count in AirlockWorkload.PolicyCounts)
        {
            File.WriteAllText(Path.Combine(folder, $"policies-{count}.cedar"), workload.PolicyText(count));
        }

        File.WriteAllText(Path.Combine(folder, "entities.json"), CedarJsonWriter.Entities(workload.EntityList));
        File.WriteAllText(
            Path.Combine(folder, "entities-slice.json"),
            CedarJsonWriter.Entities(EntitySlice.For(workload.BenchmarkRequest, workload.Entities)));
        var single = CedarJsonWriter.Requests([workload.BenchmarkRequest]);
        using (var doc = JsonDocument.Parse(single))
        {
            File.WriteAllText(Path.Combine(folder, "request.json"), doc.RootElement[0].GetRawText());
        }

        File.WriteAllText(Path.Combine(folder, "requests.json"), CedarJsonWriter.Requests(requests));
        File.WriteAllText(Path.Combine(folder, "schema.cedarschema"), AirlockSchema.Text);
        File.WriteAllText(Path.Combine(folder, "settings.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iterations"] = options.Iterations,
            ["warmupCalls"] = options.WarmupCalls,
            ["warmupMs"] = options.WarmupMs,
            ["loadIterations"] = options.LoadIterations,
            ["loadWarmupCalls"] = options.LoadWarmupCalls,
            ["policyCounts"] = AirlockWorkload.PolicyCounts,
        }));
    }

    /// <summary>Reads a request list back as Airlock requests, through Airlock's own JSON readers.</summary>
    public static List<Request> ReadRequests(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select(ReadRequest)];
    }

    public static Request ReadRequest(JsonElement r) => new(
        Uid(r.GetProperty("principal")),
        Uid(r.GetProperty("action")),
        Uid(r.GetProperty("resource")),
        Request.ParseContext(r.GetProperty("context").GetRawText()));

    private static Cedar.Values.EntityUid Uid(JsonElement e) =>
        new(e.GetProperty("type").GetString()!, e.GetProperty("id").GetString()!);
}
