using System.Text;
using System.Text.Json;
using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Validation;

public class CorpusValidationTests
{
    [Fact]
    public void StrictValidationMatchesShouldValidateForEveryCorpusTest()
    {
        var corpus = CorpusArchive.Load();
        var mismatches = new List<(string Group, string Test, string Detail)>();
        var total = 0;
        foreach (var (path, text) in corpus.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".entities.json", StringComparison.Ordinal) || !text.Contains("\"shouldValidate\"", StringComparison.Ordinal))
            {
                continue;
            }

            total++;
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var expected = root.GetProperty("shouldValidate").GetBoolean();
            var schemaText = corpus.Files[root.GetProperty("schema").GetString()!];
            var policyText = corpus.Files[root.GetProperty("policies").GetString()!];
            ValidationResult result;
            try
            {
                result = new Validator(Schema.Parse(schemaText)).Validate(PolicySet.Parse(policyText), new SourceText(policyText));
            }
            catch (CedarException e)
            {
                mismatches.Add(("parse failure", path, e.Message.Split('\n')[0]));
                continue;
            }

            if (result.IsValid == expected)
            {
                continue;
            }

            if (expected)
            {
                var first = result.ErrorIssues[0];
                mismatches.Add(("spurious " + first.Kind, path, first.Message));
            }
            else
            {
                mismatches.Add(("missed error", path, string.Empty));
            }
        }

        var summary = new StringBuilder($"{mismatches.Count} of {total} corpus tests disagree on shouldValidate\n");
        foreach (var group in mismatches.GroupBy(m => m.Group).OrderByDescending(g => g.Count()))
        {
            var example = group.First();
            summary.Append($"  {group.Count(),5}  {group.Key}  e.g. {example.Test} {example.Detail}\n");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(summary.ToString());
        Assert.True(total > 5000, $"expected the whole corpus, found {total} tests");
        Assert.True(mismatches.Count == 0, summary.ToString());
    }
}
