using Airlock.Cedar.Tests.Support;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Authorization;

public class AuthorizerTests
{
    [Fact]
    public void Authorize_NoPolicies_DeniesByDefault()
    {
        var r = Some.Authorize("");
        Assert.Equal(Decision.Deny, r.Decision);
        Assert.Empty(r.DeterminingPolicies);
    }

    [Fact]
    public void Authorize_ForbidAndPermitMatch_Denies()
    {
        var r = Some.Authorize("permit(principal, action, resource); forbid(principal, action, resource);");
        Assert.Equal(Decision.Deny, r.Decision);
        Assert.Equal(["policy1"], r.DeterminingPolicies);
    }

    [Fact]
    public void Authorize_PermitMatches_AllowsWithEveryDeterminingPolicy()
    {
        var r = Some.Authorize("""
            permit(principal == User::"alice", action, resource);
            permit(principal, action == Action::"read", resource);
            permit(principal == User::"bob", action, resource);
            """);
        Assert.Equal(Decision.Allow, r.Decision);
        Assert.Equal(["policy0", "policy1"], r.DeterminingPolicies.Order());
    }

    [Fact]
    public void Authorize_ConditionErrors_SkipsAndReportsThePolicy()
    {
        var r = Some.Authorize("""
            permit(principal, action, resource) when { 9223372036854775807 + 1 > 0 };
            forbid(principal, action, resource) when { principal.missing };
            """);
        Assert.Equal(Decision.Deny, r.Decision);
        Assert.Empty(r.DeterminingPolicies);
        Assert.Equal(["policy0", "policy1"], r.Errors.Select(e => e.PolicyId).Order());
        Assert.Contains("overflow", r.Errors.Single(e => e.PolicyId == "policy0").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_ScopeDoesNotMatch_BodyIsNeverEvaluated()
    {
        var r = Some.Authorize("permit(principal == User::\"bob\", action, resource) when { 1 + true };");
        Assert.Empty(r.Errors);
    }

    [Fact]
    public void Authorize_ShortCircuit_DoesNotEvaluateTheRightSide()
    {
        var r = Some.Authorize("permit(principal, action, resource) when { false && (1 + true) } unless { true || context.nope };");
        Assert.Empty(r.Errors);
        Assert.Equal(Decision.Deny, r.Decision);
    }

    [Fact]
    public void Authorize_PrincipalInGroup_UsesTransitiveParents()
    {
        var entities = Some.Entities("""
            [
              {"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": [{"type": "Group", "id": "eng"}]},
              {"uid": {"type": "Group", "id": "eng"}, "attrs": {}, "parents": [{"type": "Group", "id": "staff"}]}
            ]
            """);
        var r = Some.Authorize("permit(principal in Group::\"staff\", action, resource);", entities: entities);
        Assert.Equal(Decision.Allow, r.Decision);
    }

    [Fact]
    public void Authorize_ContextAndAttributes_AreVisibleToConditions()
    {
        var entities = Some.Entities("""[{"uid": {"type": "User", "id": "alice"}, "attrs": {"level": 5, "tags": ["a", "b"]}, "parents": []}]""");
        var context = Request.ParseContext("""{"ip": {"__extn": {"fn": "ip", "arg": "10.1.2.3"}}, "path": "/repos/x"}""");
        var r = Some.Authorize("""
            permit(principal, action, resource) when {
              principal.level >= 5 && principal.tags.contains("a") &&
              context.ip.isInRange(ip("10.0.0.0/8")) && context.path like "/repos/*"
            };
            """, Some.Request(context: context), entities);
        Assert.Equal(Decision.Allow, r.Decision);
    }

    [Fact]
    public void Authorize_LinkedTemplate_AppliesToItsPrincipalOnly()
    {
        var set = PolicySet.Parse("permit(principal == ?principal, action, resource);")
            .Link("policy0", "link-alice", Some.Uid("User", "alice"), null);
        Assert.Equal(Decision.Allow, Authorizer.IsAuthorized(Some.Request("alice"), set, Entities.Empty).Decision);
        Assert.Equal(Decision.Deny, Authorizer.IsAuthorized(Some.Request("bob"), set, Entities.Empty).Decision);
    }

    [Fact]
    public void Authorize_ManyUnrelatedPolicies_AreNotEvaluated()
    {
        // Policies anchored on other principals would error if evaluated; the index must skip them.
        var text = string.Concat(Enumerable.Range(0, 500).Select(i => $"permit(principal == User::\"u{i}\", action, resource) when {{ 1 + true }};\n"));
        var r = Some.Authorize(text + "permit(principal == User::\"alice\", action, resource);");
        Assert.Equal(Decision.Allow, r.Decision);
        Assert.Empty(r.Errors);
    }

    [Fact]
    public void Authorize_DatetimeComparison_UsesOperators()
    {
        var r = Some.Authorize("permit(principal, action, resource) when { datetime(\"2026-11-22\") < datetime(\"2026-11-22T10:00:00Z\") && duration(\"1h\") > duration(\"59m\") };");
        Assert.Equal(Decision.Allow, r.Decision);
    }

    [Fact]
    public void Authorize_EntityMissing_AttributeAccessErrorsButHasIsFalse()
    {
        var r = Some.Authorize("""
            permit(principal, action, resource) when { !(principal has level) };
            permit(principal, action, resource) when { principal.level > 1 };
            """);
        Assert.Equal(["policy0"], r.DeterminingPolicies);
        Assert.Equal("policy1", Assert.Single(r.Errors).PolicyId);
    }

    [Fact]
    public void Authorize_InWithSetContainingNonEntity_IsATypeError()
    {
        var r = Some.Authorize("permit(principal, action, resource) when { principal in [User::\"alice\", 1] };");
        Assert.Single(r.Errors);
        _ = LongValue.Of(1);
    }
}
