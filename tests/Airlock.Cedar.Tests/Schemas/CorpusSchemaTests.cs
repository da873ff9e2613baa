using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

public class CorpusSchemaTests
{
    private static bool IsCorpusSchema(string path)
    {
        var p = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        return p.EndsWith(".cedarschema", StringComparison.Ordinal)
            && (p.StartsWith("dev/corpus-tests/", StringComparison.Ordinal) || p.StartsWith("dev/sample-data/", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EveryCorpusSchema_Succeeds()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (path, text) in CorpusArchive.Files(IsCorpusSchema))
        {
            count++;
            try
            {
                Schema.Parse(text, path);
            }
            catch (CedarException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(count > 5000, $"only {count} schemas found in {CorpusArchive.ArchivePath}");
        Assert.Empty(failures);
    }

    [Fact]
    public void ToCedarSchemaText_EveryCorpusSchema_RoundTripsToAnEqualSchema()
    {
        var failures = new List<string>();
        foreach (var (path, text) in CorpusArchive.Files(IsCorpusSchema))
        {
            var schema = Schema.Parse(text, path);
            var written = schema.ToCedarSchemaText();
            try
            {
                var again = Schema.Parse(written, path + " (written)");
                if (again.ToCedarSchemaText() != written || !SchemaAssert.SameModel(schema, again))
                {
                    failures.Add(path);
                }
            }
            catch (CedarException e)
            {
                failures.Add(path + ": " + e.Message);
            }
        }

        Assert.Empty(failures);
    }
}
