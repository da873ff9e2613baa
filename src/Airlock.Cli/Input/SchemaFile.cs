using Airlock.Cedar;
using Airlock.Cedar.Schemas;

namespace Airlock.Cli.Input;

/// <summary>Loads a Cedar schema in either syntax, chosen by the file's extension.</summary>
internal static class SchemaFile
{
    /// <summary>Reads <paramref name="path"/>: <c>.json</c> as the JSON schema format, <c>.cedarschema</c> as the human-readable one; any other name by its first character.</summary>
    public static Schema Load(string path, string option)
    {
        var text = InputFile.ReadText(path, option);
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!path.EndsWith(".cedarschema", StringComparison.OrdinalIgnoreCase) && text.TrimStart().StartsWith('{'));
        try
        {
            return json ? Schema.FromJson(text, path) : Schema.Parse(text, path);
        }
        catch (CedarException e)
        {
            throw new UsageException(
                $"{option}: schema `{path}` is invalid ({(json ? "JSON schema format" : "Cedar schema syntax")})",
                "fix the schema first; policies are validated against it",
                e.Diagnostics);
        }
    }
}
