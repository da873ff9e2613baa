namespace Airlock.Cedar.Differential.Running;

/// <summary>Prints a disagreement as a self-contained reproducer: inputs, request, and both answers.</summary>
public static class ReproducerWriter
{
    public static void Write(TextWriter output, Disagreement d, int number, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(d);
        output.WriteLine($"=== disagreement {number}: {d.What} (seed {seed}, group seed {d.Group.Seed}, case {d.Scenario}{(d.Request >= 0 ? $", request {d.Request}" : string.Empty)})");
        if (d.Kind != CheckKind.Schema)
        {
            output.WriteLine("policies:");
            output.WriteLine(Indent(d.Policies));
        }

        if (d.Kind != CheckKind.Parse && (d.RequestData is null || d.RequestData.WithSchema))
        {
            output.WriteLine($"schema ({(d.Group.SchemaIsJson ? "JSON" : "Cedar")} format):");
            output.WriteLine(Indent(d.Group.Schema));
        }

        if (d.RequestData is { } r)
        {
            output.WriteLine($"entities ({(r.WithSchema ? "parsed with the schema" : "parsed without a schema")}):");
            output.WriteLine(Indent(d.Entities ?? string.Empty));
            output.WriteLine($"request: principal {r.Principal}, action {r.Action}, resource {r.Resource}, context {r.Context}");
            output.WriteLine($"         {(r.WithSchema ? $"with the schema, validateRequest {(r.ValidateRequest ? "true" : "false")}" : "without a schema")}");
        }

        Answer("airlock:   ", d.Native);
        Answer("cedar-wasm:", d.Oracle);

        void Answer(string who, Answer a)
        {
            output.WriteLine($"{who} {a}");
            foreach (var m in a.Messages.Where(m => m.Length > 0).Take(5))
            {
                output.WriteLine("    | " + m.ReplaceLineEndings(" ").Trim());
            }
        }
    }

    private static string Indent(string text) => "    " + text.TrimEnd().ReplaceLineEndings("\n    ");
}
