using Airlock.Cedar.Schemas;
using Airlock.Cedar.Tests.Support;

namespace Airlock.Cedar.Tests.Schemas;

public class CorpusSchemaTests
{
    private static IEnumerable<KeyValuePair<string, string>> CorpusSchemas => CorpusFiles.All.Where(f =>
        f.Key.EndsWith(".cedarschema", StringComparison.Ordinal)
        && (f.Key.StartsWith("corpus-tests/", StringComparison.Ordinal) || f.Key.StartsWith("sample-data/", StringComparison.Ordinal)));

    [Fact]
    public void Parse_EveryCorpusSchema_Succeeds()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (path, text) in CorpusSchemas)
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

        Assert.True(count > 5000, $"only {count} schemas found in {RepositoryPaths.CorpusArchive}");
        Assert.Empty(failures);
    }

    [Fact]
    public void ToCedarSchemaText_EveryCorpusSchema_RoundTripsToAnEqualSchema()
    {
        var failures = new List<string>();
        foreach (var (path, text) in CorpusSchemas)
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
