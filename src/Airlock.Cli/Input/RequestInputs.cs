using Airlock.Cedar;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cli.Input;

/// <summary>Loads the entities and the context of an authorization request, reporting bad JSON with its location.</summary>
internal static class RequestInputs
{
    /// <summary>Reads the entities file in Cedar's JSON entity format; without a file there are no entities (but the schema's actions).</summary>
    public static Entities LoadEntities(string? path, Schema? schema, string option)
    {
        var json = path is null ? "[]" : InputFile.ReadText(path, option);
        try
        {
            return Entities.FromJson(json, schema, path ?? "<no entities>");
        }
        catch (CedarException e)
        {
            throw new UsageException(
                $"{option}: entities in `{path}` are invalid",
                "entities are a JSON array of {\"uid\": {\"type\", \"id\"}, \"attrs\": {…}, \"parents\": […]}",
                Located(e.Diagnostics, path ?? option));
        }
    }

    /// <summary>Reads the context record, given inline as JSON or as <c>@file</c>; without one the context is empty.</summary>
    public static RecordValue LoadContext(string? value, Schema? schema, EntityUid action, string option)
    {
        if (value is null)
        {
            return RecordValue.Empty;
        }

        var fromFile = value.StartsWith('@');
        var sourceName = fromFile ? value[1..] : option;
        var json = fromFile ? InputFile.ReadText(value[1..], option) : value;
        try
        {
            return Request.ParseContext(json, schema, action);
        }
        catch (CedarException e)
        {
            throw new UsageException(
                $"{option}: context {(fromFile ? $"in `{sourceName}` " : string.Empty)}is invalid",
                $"the context is a JSON object, given inline or as {option} @file.json",
                Located(e.Diagnostics, sourceName));
        }
    }

    /// <summary>Rejects an action the schema does not declare, listing those it does.</summary>
    public static void CheckActionDeclared(EntityUid action, Schema schema, string schemaPath)
    {
        if (schema.GetAction(action) is null)
        {
            var declared = string.Join(", ", schema.Actions.Keys.Select(a => a.ToString()).Order(StringComparer.Ordinal));
            throw new UsageException($"--action: `{action}` is not declared in the schema `{schemaPath}`", $"declared actions: {declared}");
        }
    }

    /// <summary>Rejects a request the schema does not allow: an undeclared action, or a principal, resource or context of the wrong type.</summary>
    public static void CheckAgainstSchema(Request request, Schema schema, string schemaPath)
    {
        var problems = new Validator(schema).ValidateRequest(request);
        if (problems.Count > 0)
        {
            throw new UsageException(
                $"the request does not fit the schema `{schemaPath}`",
                "use the principal and resource types and the context the action applies to, or leave out --schema",
                Located(problems, "request"));
        }
    }

    // Some engine messages carry no source name; name the file, or the option for inline JSON, instead of `<input>`.
    private static List<CedarDiagnostic> Located(IReadOnlyList<CedarDiagnostic> diagnostics, string sourceName) =>
        [.. diagnostics.Select(d => d.SourceName is null ? d with { SourceName = sourceName } : d)];
}
