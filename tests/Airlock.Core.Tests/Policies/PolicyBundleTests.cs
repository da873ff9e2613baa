using System.Text.RegularExpressions;
using Airlock.Core.Policies;

namespace Airlock.Core.Tests.Policies;

public sealed partial class PolicyBundleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airlock-bundle-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_examples_in_docs_policies_md_validate_against_the_shipped_schema()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "policies.md"));
        var blocks = CedarBlock().Matches(doc).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(blocks);
        for (var i = 0; i < blocks.Length; i++)
        {
            File.WriteAllText(Path.Combine(_directory, $"example{i}.cedar"), blocks[i]);
        }

        var (bundle, errors) = PolicyBundle.Load(_directory, DateTimeOffset.UnixEpoch);

        Assert.True(bundle is not null, string.Join("\n", errors));
        Assert.Contains("no-writes-at-night", bundle.Origins.Keys);
    }

    [Fact]
    public void A_duplicate_id_is_refused_with_both_places()
    {
        Write("a.cedar", "@id(\"same\")\npermit (principal, action, resource);");
        Write("b.cedar", "\n@id(\"same\")\nforbid (principal, action, resource);");

        var (bundle, errors) = PolicyBundle.Load(_directory, DateTimeOffset.UnixEpoch);

        Assert.Null(bundle);
        var error = Assert.Single(errors);
        Assert.Equal(("b.cedar", 2, 1), (error.SourceName, error.Line, error.Column));
        Assert.Contains("a.cedar:1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_and_syntax_errors_are_refused_with_their_place()
    {
        Write("t.cedar", "permit (principal == ?principal, action, resource);");
        Write("s.cedar", "permit (principal, action, resource) when { 1 + };");

        var (bundle, errors) = PolicyBundle.Load(_directory, DateTimeOffset.UnixEpoch);

        Assert.Null(bundle);
        Assert.Contains(errors, e => e.SourceName == "t.cedar" && e.Message.Contains("templates", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.SourceName == "s.cedar" && e.Line == 1);
    }

    [Fact]
    public void Ids_default_to_file_and_index_and_an_empty_directory_denies_everything()
    {
        var (empty, _) = PolicyBundle.Load(_directory, DateTimeOffset.UnixEpoch);
        Assert.Empty(empty!.Policies.Policies);

        Write("x.cedar", "permit (principal, action, resource);\nforbid (principal, action, resource) when { context.history.denials > 3 };");
        var (bundle, errors) = PolicyBundle.Load(_directory, DateTimeOffset.UnixEpoch);

        Assert.Empty(errors);
        Assert.Equal(["x.cedar#0", "x.cedar#1"], bundle!.Policies.Policies.Select(p => p.Id));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Airlock.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Airlock.slnx not found above the test assembly");
    }

    [GeneratedRegex("```cedar\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CedarBlock();
}
