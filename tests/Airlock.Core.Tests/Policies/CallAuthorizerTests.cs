using Airlock.Core.Identities;
using Airlock.Core.Policies;
using Airlock.Core.Sessions;

namespace Airlock.Core.Tests.Policies;

public sealed class CallAuthorizerTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero); // a Monday

    private readonly string _directory = Directory.CreateTempSubdirectory("airlock-decide-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_call_needs_a_permit_for_the_agent_and_for_the_user_it_acts_for()
    {
        var bundle = Load("""
            @id("bots-read-github")
            permit (principal in Airlock::Group::"bots", action in Airlock::Action::"read", resource in Airlock::Service::"github");
            @id("engineers-read-github")
            permit (principal in Airlock::Group::"eng", action in Airlock::Action::"read", resource in Airlock::Service::"github");
            """);

        var forEngineer = CallAuthorizer.Decide(bundle, Call(user: new User("alice", ["eng"], Noon)));
        var forOutsider = CallAuthorizer.Decide(bundle, Call(user: new User("mallory", ["sales"], Noon)));
        var forNobody = CallAuthorizer.Decide(bundle, Call(user: null));

        Assert.True(forEngineer.Allowed);
        Assert.Equal(["bots-read-github", "engineers-read-github"], forEngineer.DeterminingPolicies.Order());
        Assert.False(forOutsider.Allowed);
        Assert.Equal("no policy permits user mallory, for whom agent bot acts, to GET github/repos/acme/app/issues", forOutsider.DeniedReason);
        Assert.True(forNobody.Allowed);
    }

    [Fact]
    public void A_forbid_tells_the_agent_its_reason_and_nothing_else()
    {
        var bundle = Load("""
            permit (principal, action, resource);
            @id("weekday-reads-only-in-the-evening")
            @reason("reads of issues are paused until 18:00 UTC on weekdays")
            forbid (principal, action == Airlock::Action::"GET", resource)
            when { context.time.weekday == "monday" && context.time.hour < 18 && context.request.path like "*/issues" };
            """);

        var decision = CallAuthorizer.Decide(bundle, Call(user: null));

        Assert.False(decision.Allowed);
        Assert.Equal(["weekday-reads-only-in-the-evening"], decision.DeterminingPolicies);
        Assert.Equal("reads of issues are paused until 18:00 UTC on weekdays", decision.DeniedReason);
    }

    [Fact]
    public void Session_and_history_are_in_the_context()
    {
        var bundle = Load("""
            permit (principal, action, resource)
            when { context.session.scope.contains("github") && context.session.intent like "*issues*" && context.history.denials < 3 && context.session.age_seconds == 60 };
            """);

        Assert.True(CallAuthorizer.Decide(bundle, Call(user: null)).Allowed);
        Assert.False(CallAuthorizer.Decide(bundle, Call(user: null) with { DenialsSoFar = 3 }).Allowed);
    }

    [Fact]
    public void Request_headers_are_tags_policy_reads_by_lower_case_name()
    {
        var bundle = Load("""
            permit (principal, action, resource)
            when { context.request.headers.hasTag("accept") && context.request.headers.getTag("accept") == "application/vnd.github+json" };
            """);
        var call = Call(user: null);

        Assert.True(CallAuthorizer.Decide(bundle, call with { Headers = new Dictionary<string, string> { ["accept"] = "application/vnd.github+json" } }).Allowed);
        Assert.False(CallAuthorizer.Decide(bundle, call with { Headers = new Dictionary<string, string> { ["accept"] = "text/html" } }).Allowed);
        Assert.False(CallAuthorizer.Decide(bundle, call).Allowed);
    }

    [Fact]
    public void A_json_body_is_there_only_when_shown_and_its_fields_are_tags_by_pointer()
    {
        var bundle = Load("""
            permit (principal, action, resource);
            @id("no-deletes-of-main")
            @reason("the main branch cannot be deleted")
            forbid (principal, action, resource)
            unless { context.request has body && context.request.body.hasTag("/branch") && context.request.body.getTag("/branch") != "main" };
            """);
        var call = Call(user: null);

        var feature = CallAuthorizer.Decide(bundle, call with { JsonBody = JsonBodyFields.TryRead("""{"branch":"feature"}"""u8) });
        var main = CallAuthorizer.Decide(bundle, call with { JsonBody = JsonBodyFields.TryRead("""{"branch":"main"}"""u8) });
        var hidden = CallAuthorizer.Decide(bundle, call);

        Assert.True(feature.Allowed);
        Assert.Equal("the main branch cannot be deleted", main.DeniedReason);
        Assert.False(hidden.Allowed);
    }

    [Fact]
    public void An_empty_policy_set_denies()
    {
        var decision = CallAuthorizer.Decide(PolicyBundle.Empty, Call(user: null));

        Assert.False(decision.Allowed);
        Assert.StartsWith("no policy permits agent bot", decision.DeniedReason, StringComparison.Ordinal);
    }

    private PolicyBundle Load(string text)
    {
        File.WriteAllText(Path.Combine(_directory, "p.cedar"), text);
        var (bundle, errors) = PolicyBundle.Load(_directory, Noon);
        Assert.True(bundle is not null, string.Join("\n", errors));
        return bundle;
    }

    private static HttpCall Call(User? user)
    {
        var session = new Session("ses_1", "bot", user?.Id, "list the open issues", ["github"], Noon.AddSeconds(-60), Noon.AddMinutes(15), null, null);
        return new HttpCall(session, new Agent("bot", "", ["bots"], true, Noon), user, "GET", "github", "/repos/acme/app/issues", "state=open", null, 0, Noon, 4, 0);
    }
}
