using System.Text.Json;
using Airlock.Cedar;

namespace Airlock.Cli.Output;

/// <summary>Prints diagnostics as <c>file:line:column: message</c> with a help line, or as JSON objects.</summary>
internal static class DiagnosticWriter
{
    /// <summary>Writes <paramref name="diagnostic"/> in compiler style; <paramref name="severity"/> (such as <c>warning</c>) goes before the message.</summary>
    public static void WriteText(TextWriter output, CedarDiagnostic diagnostic, string? severity = null)
    {
        var shown = severity is null ? diagnostic : diagnostic with { Message = $"{severity}: {diagnostic.Message}" };
        output.WriteLine(shown.ToString());
    }

    /// <summary>Writes <paramref name="diagnostic"/> as <c>{"file","line","column","message","help","policy"}</c>.</summary>
    public static void WriteJson(Utf8JsonWriter writer, CedarDiagnostic diagnostic, string? policyId)
    {
        writer.WriteStartObject();
        writer.StringOrNull("file", diagnostic.SourceName);
        writer.PositionOrNull("line", diagnostic.Line);
        writer.PositionOrNull("column", diagnostic.Column);
        writer.WriteString("message", diagnostic.Message);
        writer.StringOrNull("help", diagnostic.Help);
        writer.StringOrNull("policy", policyId);
        writer.WriteEndObject();
    }
}
