using System.Text.Json;

namespace Airlock.Cli.Tests;

public class ValidateCommandTests
{
    [Fact]
    public async Task Valid_policy_file_exits_zero_and_counts_its_policies()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("valid: 2 policies in 1 file", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Syntax_error_is_reported_at_file_line_column_and_exits_one()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.cedar", Samples.BrokenPolicy);

        var result = await dir.RunAsync("policy", "validate", "--policies", "broken.cedar");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("broken.cedar:2:32: ", result.Stdout);
        Assert.Contains("invalid: 1 error", result.Stdout);
    }

    [Fact]
    public async Task Directory_reads_every_cedar_file_in_name_order_and_reports_each_file()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/b.cedar", Samples.BrokenPolicy);
        dir.Write("rules/a.cedar", Samples.Policies);
        dir.Write("rules/c.cedar", "permit (principal, action, resource)\n");
        dir.Write("rules/notes.txt", "not a policy (");

        var result = await dir.RunAsync("policy", "validate", "--policies", "rules");

        Assert.True(result.ExitCode == 1, result.ToString());
        var b = result.Stdout.IndexOf(Path.Join("rules", "b.cedar") + ":2:32: ", StringComparison.Ordinal);
        var c = result.Stdout.IndexOf(Path.Join("rules", "c.cedar") + ":", StringComparison.Ordinal);
        Assert.True(b >= 0 && c > b, result.ToString());
        Assert.DoesNotContain("notes.txt", result.Stdout);
        Assert.Contains("2 policies in 3 files", result.Stdout);
    }

    [Fact]
    public async Task Json_output_has_validity_policy_count_and_located_errors()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/a.cedar", Samples.Policies);
        dir.Write("rules/b.cedar", Samples.BrokenPolicy);

        var result = await dir.RunAsync("policy", "validate", "--policies", "rules", "--output", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(2, root.GetProperty("policies").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(Path.Join("rules", "b.cedar"), error.GetProperty("file").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(32, error.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.True(error.TryGetProperty("help", out _));
        Assert.True(error.TryGetProperty("policy", out _));
    }

    [Fact]
    public async Task Json_output_for_valid_policies_has_no_errors_and_exits_zero()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);
        dir.Write("schema.cedarschema", Samples.Schema);

        var result = await dir.RunAsync("policy", "validate", "-p", "policies.cedar", "-s", "schema.cedarschema", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("policies").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal("schema.cedarschema", json.RootElement.GetProperty("schema").GetString());
    }

    [Theory]
    [InlineData("schema.cedarschema", Samples.Schema)]
    [InlineData("schema.json", Samples.JsonSchema)]
    public async Task Valid_policies_pass_against_a_schema_in_either_syntax(string name, string schema)
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);
        dir.Write(name, schema);

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar", "--schema", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"against schema `{name}`", result.Stdout);
    }

    [Fact]
    public async Task Invalid_cedarschema_exits_two_with_the_schema_location()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);
        dir.Write("schema.cedarschema", "entity User { department: Strin };\n");

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar", "--schema", "schema.cedarschema");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("schema `schema.cedarschema` is invalid", result.Stderr);
        Assert.Contains("schema.cedarschema:1:27: undefined type `Strin`", result.Stderr);
    }

    [Fact]
    public async Task Invalid_json_schema_exits_two_with_the_schema_location()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies);
        dir.Write("schema.json", Samples.JsonSchema.Replace("\"Doc\"]", "\"Dok\"]", StringComparison.Ordinal));

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar", "--schema", "schema.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"schema\.json:\d+:\d+: undefined entity type `Dok`", result.Stderr);
    }

    [Fact]
    public async Task Type_error_against_the_schema_is_located_with_a_hint_and_exits_one()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", Samples.Policies + "permit (principal, action == Action::\"read\", resource) when { resource.ownr == principal };\n");
        dir.Write("schema.cedarschema", Samples.Schema);

        var result = await dir.RunAsync("policy", "validate", "--policies", "policies.cedar", "--schema", "schema.cedarschema");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("policies.cedar:7:63: for policy `policy2`, attribute `ownr` on entity type `Doc` not found", result.Stdout);
        Assert.Contains("help: did you mean `owner`?", result.Stdout);
    }

    [Fact]
    public async Task Type_errors_in_a_directory_name_the_policy_by_its_id_across_files_in_json()
    {
        using var dir = new TempDirectory();
        dir.Write("rules/a.cedar", Samples.Policies);
        dir.Write("rules/b.cedar", "permit (principal, action == Action::\"raed\", resource);\n");
        dir.Write("schema.cedarschema", Samples.Schema);

        var result = await dir.RunAsync("policy", "validate", "-p", "rules", "-s", "schema.cedarschema", "-o", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.Equal(Path.Join("rules", "b.cedar"), e.GetProperty("file").GetString());
            Assert.Equal("policy2", e.GetProperty("policy").GetString());
            Assert.Equal(1, e.GetProperty("line").GetInt32());
        });
        Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains("unrecognized action `Action::\"raed\"`", StringComparison.Ordinal)
            && e.GetProperty("help").GetString() == "did you mean `Action::\"read\"`?");
    }

    [Fact]
    public async Task Warnings_alone_keep_policies_valid()
    {
        using var dir = new TempDirectory();
        dir.Write("policies.cedar", "permit (principal, action == Action::\"read\", resource) when { false };\n");
        dir.Write("schema.cedarschema", Samples.Schema);

        var result = await dir.RunAsync("policy", "validate", "-p", "policies.cedar", "-s", "schema.cedarschema", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("policy0", warning.GetProperty("policy").GetString());
        Assert.Contains("impossible", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
