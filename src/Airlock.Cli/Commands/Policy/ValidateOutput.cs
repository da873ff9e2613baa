using System.Text.Json;
using Airlock.Cli.Input;
using Airlock.Cli.Output;
using Airlock.Cli.Validation;

namespace Airlock.Cli.Commands.Policy;

/// <summary>Prints a <see cref="ValidationReport"/> as text or JSON.</summary>
internal static class ValidateOutput
{
    /// <summary>Writes each problem in <c>file:line:column: message</c> form, then a one-line summary.</summary>
    public static void WriteText(TextWriter output, ValidationReport report, string? schemaPath)
    {
        foreach (var error in report.Errors)
        {
            DiagnosticWriter.WriteText(output, error.Diagnostic);
        }

        foreach (var warning in report.Warnings)
        {
            DiagnosticWriter.WriteText(output, warning.Diagnostic, "warning");
        }

        var counted = $"{Plural(report.PolicyCount, "policy", "policies")} in {Plural(report.FileCount, "file", "files")}";
        if (!report.IsValid)
        {
            output.WriteLine($"invalid: {Plural(report.Errors.Count, "error", "errors")}, {Plural(report.Warnings.Count, "warning", "warnings")} ({counted})");
        }
        else if (schemaPath is null)
        {
            output.WriteLine($"valid: {counted}; syntax only, pass --schema to check types too");
        }
        else
        {
            output.WriteLine($"valid: {counted} against schema `{schemaPath}`" + (report.Warnings.Count > 0 ? $", {Plural(report.Warnings.Count, "warning", "warnings")}" : string.Empty));
        }
    }

    /// <summary>Writes <c>{"valid", "policies", "files", "schema", "errors": [...], "warnings": [...]}</c>.</summary>
    public static void WriteJson(TextWriter output, ValidationReport report, PolicyCollection policies, string? schemaPath) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", report.IsValid);
            json.WriteNumber("policies", report.PolicyCount);
            json.WriteStartArray("files");
            foreach (var file in policies.Files)
            {
                json.WriteStringValue(file.Path);
            }

            json.WriteEndArray();
            json.StringOrNull("schema", schemaPath);
            WriteProblems(json, "errors", report.Errors);
            WriteProblems(json, "warnings", report.Warnings);
            json.WriteEndObject();
        });

    private static void WriteProblems(Utf8JsonWriter json, string name, IReadOnlyList<Problem> problems)
    {
        json.WriteStartArray(name);
        foreach (var p in problems)
        {
            DiagnosticWriter.WriteJson(json, p.Diagnostic, p.PolicyId);
        }

        json.WriteEndArray();
    }

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
