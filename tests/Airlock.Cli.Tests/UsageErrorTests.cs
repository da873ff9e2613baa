namespace Airlock.Cli.Tests;

public class UsageErrorTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("format")]
    public async Task Missing_policy_file_exits_two_with_the_path_and_where_it_was_looked_for(string command)
    {
        using var dir = new TempDirectory();

        var result = await dir.RunAsync("policy", command, "--policies", "missing.cedar");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --policies: `missing.cedar` does not exist", result.Stderr);
        Assert.Contains("relative paths start at", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Missing_schema_file_exits_two()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar", "--schema", "missing.cedarschema");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --schema: `missing.cedarschema` does not exist", result.Stderr);
    }

    [Fact]
    public async Task Directory_without_cedar_files_exits_two()
    {
        using var dir = new TempDirectory();
        dir.Write("empty/readme.txt", "nothing here");

        var result = await dir.RunAsync("policy", "validate", "--policies", "empty");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("directory `empty` has no `.cedar` files", result.Stderr);
    }

    [Fact]
    public async Task Missing_required_option_exits_two_and_points_at_help()
    {
        using var dir = new TempDirectory();

        var result = await dir.RunAsync("policy", "validate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--policies", result.Stderr);
        Assert.Contains("run `airlock policy validate --help`", result.Stderr);
    }

    [Fact]
    public async Task Unknown_output_format_exits_two()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar", "--output", "xml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("xml", result.Stderr);
    }

    [Fact]
    public async Task No_command_exits_two()
    {
        using var dir = new TempDirectory();

        var result = await dir.RunAsync();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("run `airlock --help`", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "3 denied")]
    [InlineData(new[] { "policy", "validate", "--help" }, "Exit codes: 0 valid; 1 invalid; 2")]
    [InlineData(new[] { "policy", "authorize", "--help" }, "Exit codes: 0 allow; 3 deny; 2")]
    [InlineData(new[] { "policy", "format", "--help" }, "Exit codes: 0 formatted")]
    public async Task Help_documents_the_exit_codes(string[] args, string expected)
    {
        using var dir = new TempDirectory();

        var result = await dir.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(expected, result.Stdout);
    }
}
