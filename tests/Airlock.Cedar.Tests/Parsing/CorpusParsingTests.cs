using Airlock.Cedar.Formatting;
using Airlock.Cedar.Tests.Support;

namespace Airlock.Cedar.Tests.Parsing;

public class CorpusParsingTests
{
    [Fact]
    public void EveryCorpusPolicyFile_ParsesAndFormatsToAFixedPoint()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (path, text) in CorpusFiles.All.Where(f => f.Key.EndsWith(".cedar", StringComparison.Ordinal)))
        {
            count++;
            try
            {
                var formatted = PolicyFormatter.Format(PolicySet.Parse(text, path));
                var again = PolicyFormatter.Format(PolicySet.Parse(formatted, path + " (formatted)"));
                if (formatted != again)
                {
                    failures.Add($"{path}: formatting is not idempotent\n{formatted}\n---\n{again}");
                }
            }
            catch (CedarException e)
            {
                failures.Add($"{path}: {e.Message}");
            }
        }

        Assert.True(count > 5000, $"expected the corpus policy files, found {count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
