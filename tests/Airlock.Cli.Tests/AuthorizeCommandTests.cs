using System.Text.Json;

namespace Airlock.Cli.Tests;

public sealed class AuthorizeCommandTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public AuthorizeCommandTests()
    {
        dir.Write("policies.cedar", Samples.Policies);
        dir.Write("entities.json", Samples.Entities);
        dir.Write("schema.cedarschema", Samples.Schema);
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Owner_reading_is_allowed_and_the_permit_is_named_with_its_annotations()
    {
        var result = await Authorize("User::\"alice\"", "--context", """{"blocked": false}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("decision: allow", result.Stdout);
        Assert.Contains("policy0 at policies.cedar:1:1 @id(\"owner-read\") @reason(\"owners read their documents\")", result.Stdout);
        Assert.DoesNotContain("errors", result.Stdout);
    }

    [Fact]
    public async Task Forbid_in_context_denies_with_exit_three_and_names_the_forbid()
    {
        var result = await Authorize("User::\"alice\"", "--context", """{"blocked": true}""");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("decision: deny", result.Stdout);
        Assert.Contains("forbidden by:", result.Stdout);
        Assert.Contains("policy1 at policies.cedar:5:1 @id(\"blocked\")", result.Stdout);
    }

    [Fact]
    public async Task Context_can_be_read_from_a_file()
    {
        dir.Write("context.json", """{ "blocked": true }""");

        var result = await Authorize("User::\"alice\"", "--context", "@context.json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("policy1", result.Stdout);
    }

    [Fact]
    public async Task Request_no_policy_permits_is_denied_by_default()
    {
        var result = await Authorize("User::\"bob\"", "--context", """{"blocked": false}""");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("decision: deny", result.Stdout);
        Assert.Contains("denied by default", result.Stdout);
    }

    [Fact]
    public async Task Policy_that_errors_is_listed_and_skipped()
    {
        // Without a context the forbid reads a missing attribute, errors, and is skipped, so the permit wins.
        var result = await Authorize("User::\"alice\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("decision: allow", result.Stdout);
        Assert.Contains("errors (these policies were skipped):", result.Stdout);
        Assert.Contains("policy1 at policies.cedar:5:1 @id(\"blocked\"): ", result.Stdout);
        Assert.Contains("blocked", result.Stdout[result.Stdout.IndexOf("errors", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Json_output_has_decision_determining_policies_with_annotations_and_errors()
    {
        var result = await Authorize("User::\"alice\"", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("allow", root.GetProperty("decision").GetString());
        var permit = Assert.Single(root.GetProperty("determiningPolicies").EnumerateArray());
        Assert.Equal("policy0", permit.GetProperty("id").GetString());
        Assert.Equal("policies.cedar", permit.GetProperty("file").GetString());
        Assert.Equal(1, permit.GetProperty("line").GetInt32());
        Assert.Equal("owner-read", permit.GetProperty("annotations").GetProperty("id").GetString());
        Assert.Equal("owners read their documents", permit.GetProperty("annotations").GetProperty("reason").GetString());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal("policy1", error.GetProperty("policy").GetString());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Schema_typed_entities_and_context_are_accepted()
    {
        dir.Write("typed.json", Samples.Entities.Replace("{ \"__entity\": { \"type\": \"User\", \"id\": \"alice\" } }", "{ \"type\": \"User\", \"id\": \"alice\" }", StringComparison.Ordinal));

        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "policies.cedar", "-s", "schema.cedarschema", "-e", "typed.json",
            "--principal", "User::\"alice\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"", "--context", """{"blocked": false}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("decision: allow", result.Stdout);
    }

    [Fact]
    public async Task Policies_from_a_directory_are_numbered_across_files_and_located_in_their_file()
    {
        dir.Write("rules/a.cedar", "permit (principal == User::\"carol\", action, resource);\n");
        dir.Write("rules/b.cedar", "@id(\"everyone-reads\")\npermit (principal, action == Action::\"read\", resource);\n");

        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "rules",
            "--principal", "User::\"bob\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"policy1 at {Path.Join("rules", "b.cedar")}:1:1 @id(\"everyone-reads\")", result.Stdout);
    }

    [Fact]
    public async Task Namespaced_uid_with_escapes_matches_the_policy_literal()
    {
        dir.Write("ns.cedar", "permit (principal == Airlock::User::\"a\\\"b\\u{e9}\", action, resource);\n");

        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "ns.cedar",
            "--principal", "Airlock :: User::\"a\\\"b\\u{e9}\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("User::alice", "the id must be in double quotes")]
    [InlineData("alice", "expected a type, `::` and a quoted id")]
    [InlineData("User::\"alice", "no closing double quote")]
    [InlineData("9User::\"alice\"", "is not an entity type name")]
    [InlineData("User::\"a\\qb\"", "unknown escape `\\q`")]
    public async Task Bad_entity_uid_exits_two_and_shows_the_expected_form(string uid, string reason)
    {
        var result = await Authorize(uid);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--principal: `{uid}` is not an entity uid: ", result.Stderr);
        Assert.Contains(reason, result.Stderr);
        Assert.Contains("help: write it as in a policy, Type::\"id\"", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Missing_entities_file_exits_two_and_names_it()
    {
        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "policies.cedar", "-e", "nope.json",
            "--principal", "User::\"alice\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --entities: `nope.json` does not exist", result.Stderr);
    }

    [Fact]
    public async Task Malformed_entities_exit_two_and_name_the_file()
    {
        dir.Write("bad-entities.json", """[{ "uid": { "type": "User" }, "attrs": {}, "parents": [] }]""");

        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "policies.cedar", "-e", "bad-entities.json",
            "--principal", "User::\"alice\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("entities in `bad-entities.json` are invalid", result.Stderr);
        Assert.Contains("bad-entities.json", result.Stderr[result.Stderr.IndexOf('\n', StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Malformed_context_exits_two()
    {
        var result = await Authorize("User::\"alice\"", "--context", "{\"blocked\": tru}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: --context: context is invalid", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Policies_with_syntax_errors_exit_two_with_their_location()
    {
        dir.Write("broken.cedar", Samples.BrokenPolicy);

        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "broken.cedar",
            "--principal", "User::\"alice\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("broken.cedar:2:32: ", result.Stderr);
    }

    [Fact]
    public async Task Request_that_does_not_fit_the_schema_exits_two()
    {
        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "policies.cedar", "-s", "schema.cedarschema",
            "--principal", "Doc::\"plan\"", "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the request does not fit the schema `schema.cedarschema`", result.Stderr);
        Assert.Contains("principal type `Doc` is not valid for `Action::\"read\"`", result.Stderr);
    }

    [Fact]
    public async Task Action_missing_from_the_schema_exits_two_and_lists_the_declared_ones()
    {
        var result = await dir.RunAsync(
            "policy", "authorize", "-p", "policies.cedar", "-s", "schema.cedarschema",
            "--principal", "User::\"alice\"", "--action", "Action::\"raed\"", "--resource", "Doc::\"plan\"");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--action: `Action::\"raed\"` is not declared in the schema", result.Stderr);
        Assert.Contains("declared actions: Action::\"read\", Action::\"write\"", result.Stderr);
    }

    private Task<CliResult> Authorize(string principal, params string[] extra) =>
        dir.RunAsync([
            "policy", "authorize", "--policies", "policies.cedar", "--entities", "entities.json",
            "--principal", principal, "--action", "Action::\"read\"", "--resource", "Doc::\"plan\"", .. extra]);
}
