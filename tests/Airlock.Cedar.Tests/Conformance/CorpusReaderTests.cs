using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Conformance;

public class CorpusReaderTests
{
    private const string Request = """
        {"description": "d", "principal": {"__entity": {"type": "User", "id": "alice"}}, "action": {"type": "Action", "id": "view"},
         "resource": {"type": "Photo", "id": "p"}, "context": {"n": 1}, "decision": "allow", "reason": ["policy0"], "errors": []}
        """;

    [Fact]
    public void ReadTests_PathsRelativeToCorpusRoot_ResolvesFilesFromNestedTestFolders()
    {
        using var corpus = Corpus(Test(Request));

        var test = Assert.Single(CorpusReader.ReadTests(CorpusFiles.Load(corpus.Root)));

        Assert.Null(test.LoadError);
        Assert.Equal("dev/tests/x/1.json", test.Path);
        Assert.Equal("dev/tests/x", test.Folder);
        Assert.Equal("permit(principal, action, resource);", test.Policies);
        Assert.True(test.ShouldValidate);
    }

    [Fact]
    public void ReadTests_EntityInEitherJsonForm_ReadsTheSameUid()
    {
        using var corpus = Corpus(Test(Request));

        var request = Assert.Single(Assert.Single(CorpusReader.ReadTests(CorpusFiles.Load(corpus.Root))).Requests);

        Assert.Equal(new EntityUid("User", "alice"), request.Principal);
        Assert.Equal(new EntityUid("Action", "view"), request.Action);
        Assert.Null(request.ParseError);
    }

    [Fact]
    public void ReadTests_ValidateRequestAbsent_DefaultsToTrue()
    {
        using var corpus = Corpus(Test(Request));

        var request = Assert.Single(Assert.Single(CorpusReader.ReadTests(CorpusFiles.Load(corpus.Root))).Requests);

        Assert.True(request.ValidateRequest);
    }

    [Fact]
    public void ReadTests_UnknownField_MarksTheTestMalformed()
    {
        using var corpus = Corpus(Test(Request).Replace("\"shouldValidate\"", "\"surprise\": 1, \"shouldValidate\"", StringComparison.Ordinal));

        var test = Assert.Single(CorpusReader.ReadTests(CorpusFiles.Load(corpus.Root)));

        Assert.Contains("surprise", test.LoadError, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTests_EntitiesFilesAndArrays_AreNotTests()
    {
        using var corpus = Corpus(Test(Request));

        Assert.Single(CorpusReader.ReadTests(CorpusFiles.Load(corpus.Root)));
    }

    private static string Test(string request) => $$"""
        {"policies": "tests/x/p.cedar", "entities": "sample/entities.json", "schema": "sample/s.cedarschema",
         "shouldValidate": true, "requests": [{{request}}]}
        """;

    private static TempCorpus Corpus(string test) => new(new Dictionary<string, string>
    {
        ["dev/tests/x/1.json"] = test,
        ["dev/tests/x/p.cedar"] = "permit(principal, action, resource);",
        ["dev/sample/entities.json"] = "[]",
        ["dev/sample/s.cedarschema"] = "entity User;",
    });
}
