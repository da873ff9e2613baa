using System.Text;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Differential.Generation;
using Airlock.Cedar.Differential.Oracle;

namespace Airlock.Cedar.Tests.Conformance;

public class DifferentialGeneratorTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void Generate_SameSeed_GivesTheSameGroup()
    {
        var a = ScenarioGenerator.Generate(1234, 8, 3);
        var b = ScenarioGenerator.Generate(1234, 8, 3);

        Assert.Equal(a.Schema, b.Schema);
        Assert.Equal(a.EntitiesWithSchema, b.EntitiesWithSchema);
        Assert.Equal(a.Scenarios.Select(s => s.Policies), b.Scenarios.Select(s => s.Policies));
        Assert.Equal(a.Scenarios.SelectMany(s => s.Requests), b.Scenarios.SelectMany(s => s.Requests));
    }

    [Fact]
    public void Generate_ManyGroups_KeepsDataWithinWhatJavaScriptHoldsExactly()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var group = ScenarioGenerator.Generate(seed, 8, 3);
            var data = new[] { group.EntitiesWithSchema, group.EntitiesWithoutSchema }
                .Concat(group.Scenarios.SelectMany(s => s.Requests).Select(r => r.Context));
            Assert.All(data, json => Assert.False(JavaScriptNumbers.HasUnsafeIntegers(json), $"seed {seed}: {json}"));
        }
    }

    [Fact]
    public void Generate_ManyGroups_WritesWellFormedUnicode()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var group = ScenarioGenerator.Generate(seed, 8, 3);
            foreach (var text in group.Scenarios.Select(s => s.Policies).Append(group.Schema))
            {
                StrictUtf8.GetBytes(text); // throws on a lone surrogate
            }
        }
    }

    [Fact]
    public void Oracle_Version_IsThePinnedCedar410()
    {
        using var oracle = OracleProcess.Start();

        var answer = oracle.Call("""{"op":"version"}""");

        Assert.Equal("4.10.0", answer.Json.GetProperty("cedar").GetString());
        Assert.Equal("4.5", answer.Json.GetProperty("lang").GetString());
    }
}
