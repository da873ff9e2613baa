using Airlock.Gateway.Hosting;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

/// <summary>Policies load from --policies, validated against Airlock's schema; a bad edit never replaces good policies.</summary>
public sealed class PolicyDirectoryTests
{
    private const string Good = """
        @id("triage-read")
        @reason("triage agents may read GitHub")
        permit (principal in Airlock::Group::"triage", action in Airlock::Action::"read", resource in Airlock::Service::"github");

        forbid (principal, action in Airlock::Action::"write", resource)
        when { context.time.hour < 8 };
        """;

    // `context.request.verb` does not exist in the schema: a validation error, not a syntax error.
    private const string BadAttribute = """
        permit (principal, action == Airlock::Action::"GET", resource) when { context.request.verb == "GET" };
        """;

    [Fact]
    public async Task Policies_load_with_their_ids_files_and_reasons()
    {
        var policies = PolicyFolder(("github.cedar", Good));
        await using var gateway = await RunningGateway.StartAsync(policies: policies);

        var status = await gateway.GetAsync("/v1/policies");

        var listed = status["policies"]!.AsArray();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, p => p!["id"]!.GetValue<string>() == "triage-read" && p["reason"]!.GetValue<string>() == "triage agents may read GitHub");
        Assert.Contains(listed, p => p!["id"]!.GetValue<string>() == "github.cedar#1" && p["line"]!.GetValue<int>() == 5);
        Assert.Null(status["last_reload_error"]);
    }

    [Fact]
    public async Task An_invalid_policy_directory_stops_the_server_with_file_line_and_column()
    {
        var policies = PolicyFolder(("good.cedar", Good), ("bad.cedar", BadAttribute));

        var e = await Assert.ThrowsAsync<StartupException>(() => RunningGateway.StartAsync(policies: policies));

        Assert.Contains("bad.cedar:1:", e.Message, StringComparison.Ordinal);
        Assert.Contains("verb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_edit_is_refused_whole_and_the_previous_policies_stay_in_force()
    {
        var policies = PolicyFolder(("github.cedar", Good));
        await using var gateway = await RunningGateway.StartAsync(policies: policies);

        await File.WriteAllTextAsync(Path.Combine(policies, "extra.cedar"), BadAttribute);
        var refused = await RunningGateway.ExpectProblemAsync(await gateway.Admin.PostAsync("/v1/policies/reload", null), 422, "validation");

        Assert.Contains("extra.cedar:1:", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var status = await gateway.GetAsync("/v1/policies");
        Assert.Equal(2, status["policies"]!.AsArray().Count);
        Assert.Contains("extra.cedar", status["last_reload_error"]!["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, gateway.Runtime.Policies.Current.Policies.Policies.Count);
    }

    [Fact]
    public async Task A_changed_file_is_picked_up_without_a_restart()
    {
        var policies = PolicyFolder(("github.cedar", Good));
        await using var gateway = await RunningGateway.StartAsync(policies: policies);

        await File.WriteAllTextAsync(Path.Combine(policies, "more.cedar"), """
            @id("everyone-reads-docs")
            permit (principal, action == Airlock::Action::"GET", resource in Airlock::Service::"docs");
            """);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!gateway.Runtime.Policies.Current.Origins.ContainsKey("everyone-reads-docs") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(gateway.Runtime.Policies.Current.Origins.ContainsKey("everyone-reads-docs"), "the watcher did not reload the directory");
        Assert.Equal(3, gateway.Runtime.Policies.Current.Origins.Count);
    }

    private static string PolicyFolder(params (string Name, string Text)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("airlock-policies-").FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }

        return directory;
    }
}
