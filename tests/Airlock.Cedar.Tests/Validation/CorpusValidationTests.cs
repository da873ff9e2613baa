using System.Text;
using System.Text.Json;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Tests.Support;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Validation;

public class CorpusValidationTests
{
    [Fact]
    public void StrictValidationMatchesShouldValidateForEveryCorpusTest()
    {
        var corpus = CorpusFiles.All;
        var mismatches = new List<(string Group, string Test, string Detail)>();
        var total = 0;
        foreach (var (path, text) in corpus.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".entities.json", StringComparison.Ordinal) || !text.Contains("\"shouldValidate\"", StringComparison.Ordinal))
            {
                continue;
            }

            total++;
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var expected = root.GetProperty("shouldValidate").GetBoolean();
            var schemaText = corpus[root.GetProperty("schema").GetString()!];
            var policyText = corpus[root.GetProperty("policies").GetString()!];
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

    [Fact]
    public void EveryCorpusRequestPassesRequestValidation()
    {
        var corpus = CorpusFiles.All;
        var failures = new List<string>();
        var total = 0;
        foreach (var (path, text) in corpus)
        {
            if (!path.EndsWith(".json", StringComparison.Ordinal) || !text.Contains("\"validateRequest\": true", StringComparison.Ordinal))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(text);
            var schema = Schema.Parse(corpus[doc.RootElement.GetProperty("schema").GetString()!]);
            var validator = new Validator(schema);
            foreach (var request in doc.RootElement.GetProperty("requests").EnumerateArray())
            {
                total++;
                var action = CorpusContextReader.ReadUid(request.GetProperty("action"));
                var contextType = schema.GetAction(action)?.Context;
                var context = (RecordValue)CorpusContextReader.Read(request.GetProperty("context"), contextType);
                var errors = validator.ValidateRequest(new Request(
                    CorpusContextReader.ReadUid(request.GetProperty("principal")),
                    action,
                    CorpusContextReader.ReadUid(request.GetProperty("resource")),
                    context));
                if (errors.Count > 0)
                {
                    failures.Add($"{path}: {errors[0].Message}");
                }
            }
        }

        Assert.True(total > 40000, $"expected the corpus's requests, found {total}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} requests refused, e.g.\n" + string.Join("\n", failures.Take(5)));
    }
}
