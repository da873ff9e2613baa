namespace Airlock.Cedar.Conformance.Corpus;

/// <summary>One integration test (one test JSON) with the texts of the files it names.</summary>
/// <param name="Path">The test JSON's path in the corpus.</param>
/// <param name="PoliciesPath">The policy file as named in the test.</param>
/// <param name="Policies">The policy text.</param>
/// <param name="SchemaPath">The schema file as named in the test.</param>
/// <param name="Schema">The schema text.</param>
/// <param name="SchemaIsJson">True when the test says <c>"schemaFormat": "json"</c>.</param>
/// <param name="EntitiesPath">The entities file as named in the test.</param>
/// <param name="Entities">The entities JSON text.</param>
/// <param name="ShouldValidate">Whether the policies are expected to pass strict validation against the schema.</param>
/// <param name="Requests">The requests with their expected answers.</param>
/// <param name="LoadError">Why the test could not be read (a malformed test JSON or a missing file), when it could not.</param>
public sealed record CorpusTest(
    string Path,
    string PoliciesPath,
    string Policies,
    string SchemaPath,
    string Schema,
    bool SchemaIsJson,
    string EntitiesPath,
    string Entities,
    bool ShouldValidate,
    IReadOnlyList<CorpusRequest> Requests,
    string? LoadError)
{
    /// <summary>The folder of the test JSON, used to group results (<c>corpus-tests</c>, <c>tests/decimal</c>, ...).</summary>
    public string Folder => Path.LastIndexOf('/') is var i and > 0 ? Path[..i] : ".";
}
