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

    // Some engine messages carry no source name; name the file, or the option for inline JSON, instead of `<input>`.
    private static List<CedarDiagnostic> Located(IReadOnlyList<CedarDiagnostic> diagnostics, string sourceName) =>
        [.. diagnostics.Select(d => d.SourceName is null ? d with { SourceName = sourceName } : d)];
}
