using System.Runtime.Versioning;

namespace Airlock.Cli.Tests;

public class FormatCommandTests
{
    private const string Messy = """
        // Document sharing rules.

        @id("owner-read")
        permit(principal,action==Action::"read",resource)when{resource.owner==principal}; // owners only
        // Blocks everything while an incident is open.
        forbid(principal,action,resource)when{context.blocked};
        """;

    private const string Formatted = """
        // Document sharing rules.

        @id("owner-read")
        permit (
          principal,
          action == Action::"read",
          resource
        )
        when { resource.owner == principal }; // owners only

        // Blocks everything while an incident is open.
        forbid (
          principal,
          action,
          resource
        )
        when { context.blocked };

        """;

    [Fact]
    public async Task Prints_the_canonical_layout_and_keeps_comments_between_policies()
    {
        using var dir = new TempDirectory();
        dir.Write("rules.cedar", Messy);

        var result = await dir.RunAsync("policy", "format", "--policies", "rules.cedar");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Formatted, result.Stdout);
        Assert.Equal(Messy, dir.Read("rules.cedar"));
    }

    [Fact]
    public async Task Check_fails_on_an_unformatted_file_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("rules.cedar", Messy);

        var result = await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("not formatted: rules.cedar", result.Stdout);
        Assert.Equal(Messy, dir.Read("rules.cedar"));
    }

    [Fact]
    public async Task Write_then_check_round_trips_and_a_second_write_changes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("rules.cedar", Messy);

        var write = await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--write");
        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Contains("formatted: rules.cedar", write.Stdout);
        Assert.Equal(Formatted, dir.Read("rules.cedar"));

        var check = await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--check");
        Assert.True(check.ExitCode == 0, check.ToString());

        var again = await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--write");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 of 1 file(s) reformatted", again.Stdout);
        Assert.Equal(Formatted, dir.Read("rules.cedar"));
    }

    [Fact]
    public async Task Formatted_policies_mean_the_same_as_the_original()
    {
        using var dir = new TempDirectory();
        dir.Write("rules.cedar", Messy);
        dir.Write("entities.json", Samples.Entities);
        string[] request = ["--entities", "entities.json", "--principal", "User::\"alice\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"", "--context", """{"blocked": false}"""];

        var before = await dir.RunAsync(["policy", "authorize", "-p", "rules.cedar", "-o", "json", .. request]);
        await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--write");
        var after = await dir.RunAsync(["policy", "authorize", "-p", "rules.cedar", "-o", "json", .. request]);

        Assert.Equal(0, before.ExitCode);
        Assert.Equal(before.ExitCode, after.ExitCode);
        Assert.Contains("\"decision\": \"allow\"", after.Stdout);
    }

    [Fact]
    public async Task Write_leaves_a_file_alone_when_a_comment_inside_a_policy_would_be_lost()
    {
        using var dir = new TempDirectory();
        const string text = "permit (\n  principal, // who may\n  action,\n  resource\n);\n";
        dir.Write("rules.cedar", text);

        var result = await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--write");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("left unchanged: rules.cedar", result.Stdout);
        Assert.Contains("rules.cedar:2:14: this comment is inside a policy", result.Stderr);
        Assert.Contains("help: move it above the policy", result.Stderr);
        Assert.Equal(text, dir.Read("rules.cedar"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Write_keeps_the_file_mode_and_writes_through_a_symbolic_link()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");

        using var dir = new TempDirectory();
        dir.Write("real.cedar", Messy);
        var real = Path.Combine(dir.Path, "real.cedar");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.cedar"), real);

        var result = await dir.RunAsync("policy", "format", "--policies", "link.cedar", "--write");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Formatted, dir.Read("real.cedar"));
        Assert.NotNull(new FileInfo(Path.Combine(dir.Path, "link.cedar")).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(real));
    }

    [Fact]
    public async Task Check_on_a_directory_lists_each_unformatted_file()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/a.cedar", Formatted);
        dir.Write("rules/b.cedar", Messy);

        var result = await dir.RunAsync("policy", "format", "--policies", "rules", "--check");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"not formatted: {Path.Join("rules", "b.cedar")}", result.Stdout);
        Assert.DoesNotContain("a.cedar", result.Stdout);
        Assert.Contains("1 of 2 file(s) not formatted", result.Stdout);
    }

    [Fact]
    public async Task Syntax_errors_exit_one_with_their_location()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.cedar", Samples.BrokenPolicy);

        var result = await dir.RunAsync("policy", "format", "--policies", "broken.cedar");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("broken.cedar:2:32: ", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Write_and_check_together_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        dir.Write("rules.cedar", Messy);

        var result = await dir.RunAsync("policy", "format", "--policies", "rules.cedar", "--write", "--check");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--write and --check cannot be used together", result.Stderr);
        Assert.Equal(Messy, dir.Read("rules.cedar"));
    }

    [Fact]
    public async Task Printing_a_directory_of_several_files_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/a.cedar", Formatted);
        dir.Write("rules/b.cedar", Messy);

        var result = await dir.RunAsync("policy", "format", "--policies", "rules");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("use --write or --check for a directory", result.Stderr);
    }
}
