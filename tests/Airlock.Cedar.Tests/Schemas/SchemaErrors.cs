using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

/// <summary>Helpers for asserting on schema errors.</summary>
internal static class SchemaErrors
{
    /// <summary>Parses text that must be rejected and returns the diagnostics.</summary>
    public static IReadOnlyList<CedarDiagnostic> OfText(string text) =>
        Assert.Throws<CedarException>(() => Schema.Parse(text, "test.cedarschema")).Diagnostics;

    /// <summary>Reads JSON that must be rejected and returns the diagnostics.</summary>
    public static IReadOnlyList<CedarDiagnostic> OfJson(string json) =>
        Assert.Throws<CedarException>(() => Schema.FromJson(json, "test.json")).Diagnostics;

    /// <summary>Asserts exactly one diagnostic, whose message contains <paramref name="fragment"/>, and returns it.</summary>
    public static CedarDiagnostic Single(IReadOnlyList<CedarDiagnostic> diagnostics, string fragment)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(diagnostic.Help));
        return diagnostic;
    }
}
