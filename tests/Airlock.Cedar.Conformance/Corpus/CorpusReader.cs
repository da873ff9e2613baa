using System.Text.Json;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Conformance.Corpus;

/// <summary>
/// Reads the official integration-test format: test JSONs anywhere in the corpus, naming their policy,
/// schema and entity files by paths relative to the corpus root (the <c>dev/</c> folder of the archive).
/// Unknown fields make a test malformed, as <c>deny_unknown_fields</c> does in the Rust harness.
/// </summary>
public static class CorpusReader
{
    private static readonly HashSet<string> TestFields =
        ["policies", "policyFormat", "entities", "schema", "schemaFormat", "shouldValidate", "requests"];

    private static readonly HashSet<string> RequestFields =
        ["description", "principal", "action", "resource", "context", "validateRequest", "decision", "reason", "errors"];

    /// <summary>Every test in the corpus, ordered by path.</summary>
    public static IReadOnlyList<CorpusTest> ReadTests(CorpusFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var candidates = files.Paths
            .Where(p => p.EndsWith(".json", StringComparison.Ordinal) && !p.EndsWith(".entities.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var tests = new CorpusTest?[candidates.Length];
        Parallel.For(0, candidates.Length, i => tests[i] = TryRead(files, candidates[i]));
        return [.. tests.OfType<CorpusTest>()];
    }

    /// <summary>The test in one JSON file, or null when the file is not a test (an entities file, say).</summary>
    public static CorpusTest? TryRead(CorpusFiles files, string path)
    {
        ArgumentNullException.ThrowIfNull(files);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(files.Read(path) ?? string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out _) || !root.TryGetProperty("policies", out _))
            {
                return null;
            }

            try
            {
                return Read(files, path, root);
            }
            catch (FormatException e)
            {
                return Malformed(path, e.Message);
            }
            catch (InvalidOperationException e)
            {
                // JsonElement accessors throw this when a field has the wrong JSON type.
                return Malformed(path, e.Message);
            }
        }
    }

    private static CorpusTest Read(CorpusFiles files, string path, JsonElement root)
    {
        RejectUnknown(root, TestFields, "test");
        var policiesPath = Required(root, "policies").GetString()!;
        var schemaPath = Required(root, "schema").GetString()!;
        var entitiesPath = Required(root, "entities").GetString()!;
        var baseDir = FindBase(files, path, policiesPath, schemaPath, entitiesPath)
            ?? throw new FormatException($"the files `{policiesPath}`, `{schemaPath}`, `{entitiesPath}` are not all in the corpus");
        if (root.TryGetProperty("policyFormat", out var pf) && pf.GetString() != "cedar")
        {
            throw new FormatException($"policyFormat `{pf.GetString()}` is not supported: Airlock.Cedar reads Cedar policy text only");
        }

        var schemaIsJson = root.TryGetProperty("schemaFormat", out var sf) && sf.GetString() == "json";
        var requests = Required(root, "requests").EnumerateArray().Select(ReadRequest).ToArray();
        return new CorpusTest(
            path,
            policiesPath,
            files.Read(baseDir + policiesPath)!,
            schemaPath,
            files.Read(baseDir + schemaPath)!,
            schemaIsJson,
            entitiesPath,
            files.Read(baseDir + entitiesPath)!,
            Required(root, "shouldValidate").GetBoolean(),
            requests,
            null);
    }

    private static CorpusRequest ReadRequest(JsonElement r)
    {
        RejectUnknown(r, RequestFields, "request");
        var decision = Required(r, "decision").GetString();
        if (decision is not ("allow" or "deny"))
        {
            throw new FormatException($"decision `{decision}` is neither `allow` nor `deny`");
        }

        string? parseError = null;
        EntityUid? Uid(string name)
        {
            var uid = ReadUid(Required(r, name));
            parseError ??= uid is null ? $"the {name} is not an entity reference: {Required(r, name).GetRawText()}" : null;
            return uid;
        }

        return new CorpusRequest(
            Required(r, "description").GetString()!,
            Uid("principal"),
            Uid("action"),
            Uid("resource"),
            Required(r, "context").GetRawText(),
            !r.TryGetProperty("validateRequest", out var v) || v.GetBoolean(),
            decision,
            Ids(Required(r, "reason")),
            Ids(Required(r, "errors")),
            parseError);
    }

    // Both `{"type": T, "id": I}` and `{"__entity": {"type": T, "id": I}}` name an entity.
    private static EntityUid? ReadUid(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("__entity", out var inner))
        {
            json = inner;
        }

        return json.ValueKind == JsonValueKind.Object
            && json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? new EntityUid(type.GetString()!, id.GetString()!)
            : null;
    }

    private static string[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static JsonElement Required(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value : throw new FormatException($"missing field `{name}`");

    private static void RejectUnknown(JsonElement obj, HashSet<string> known, string what)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new FormatException($"unknown {what} field `{property.Name}`");
            }
        }
    }

    // The paths inside a test are relative to the corpus root, some folder above the test JSON:
    // the deepest one under which all three named files exist.
    private static string? FindBase(CorpusFiles files, string testPath, params string[] named)
    {
        for (var dir = testPath; ;)
        {
            var slash = dir.LastIndexOf('/');
            dir = slash < 0 ? string.Empty : dir[..(slash + 1)];
            if (named.All(n => files.Contains(dir + n)))
            {
                return dir;
            }

            if (dir.Length == 0)
            {
                return null;
            }

            dir = dir[..^1];
        }
    }

    private static CorpusTest Malformed(string path, string why) =>
        new(path, string.Empty, string.Empty, string.Empty, string.Empty, false, string.Empty, string.Empty, false, [], why);
}
