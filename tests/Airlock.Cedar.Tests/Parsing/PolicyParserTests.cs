using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Parsing;

public class PolicyParserTests
{
    [Fact]
    public void Parse_PoliciesGetIdsInFileOrder()
    {
        var set = PolicySet.Parse("permit(principal, action, resource);\nforbid(principal, action, resource);");
        Assert.Equal(["policy0", "policy1"], set.Policies.Select(p => p.Id));
        Assert.Equal(Effect.Forbid, set.Policies[1].Effect);
    }

    [Fact]
    public void Parse_EveryScopeForm_IsRepresented()
    {
        var p = PolicySet.Parse("""
            permit(principal is NS::User in NS::Group::"g", action in [Action::"a", Action::"b"], resource == Doc::"d");
            """).Policies[0];
        Assert.Equal(ScopeKind.IsIn, p.Principal.Kind);
        Assert.Equal("NS::User", p.Principal.EntityType);
        Assert.Equal(new EntityUid("NS::Group", "g"), p.Principal.Entity);
        Assert.True(p.Action.IsList);
        Assert.Equal(2, p.Action.Entities.Count);
        Assert.Equal(ScopeKind.Eq, p.Resource.Kind);
    }

    [Fact]
    public void Parse_MinimumLongAsNegativeLiteral_IsAccepted()
    {
        var p = PolicySet.Parse("permit(principal, action, resource) when { -9223372036854775808 < 0 };").Policies[0];
        var less = Assert.IsType<BinaryExpr>(p.Conditions[0].Body);
        Assert.Equal(LongValue.Of(long.MinValue), Assert.IsType<LiteralExpr>(less.Left).Value);
    }

    [Theory]
    [InlineData("permit(principal, action, resource) when { 9223372036854775808 == 1 };", "too large")]
    [InlineData("permit(principal, action, resource) when { principal.if };", "reserved")]
    [InlineData("permit(principal, action, resource) when { 1 < 2 < 3 };", "relational operators")]
    [InlineData("permit(principal, action, resource) when { foo };", "invalid variable")]
    [InlineData("permit(principal, action, resource) when { 4 / 2 == 2 };", "division")]
    [InlineData("permit(principal, action, resource) when { !!!!!true };", "too many")]
    [InlineData("permit(principal, action, resource) when { principal == ?principal };", "slot")]
    [InlineData("permit(principal, action == User::\"x\", resource);", "type `Action`")]
    [InlineData("permit(principal == User, action, resource);", "entity uid")]
    [InlineData("permit(principal, action, resource) when { \"\\q\" == \"\" };", "invalid escape")]
    [InlineData("@a(\"1\") @a(\"2\") permit(principal, action, resource);", "duplicate annotation")]
    [InlineData("permit(principal, action, resource) when { {a: 1, a: 2} == {} };", "duplicate key")]
    [InlineData("permit(principal, action, resource) when { lessThan(1, 2) };", "is a method")]
    [InlineData("permit(principal, action, resource) when { [].ip() };", "is a function")]
    [InlineData("permit(principal, action) ;", "missing the `resource`")]
    [InlineData("permit(principal, action, resource) when { principal has a + 1 };", "has")]
    public void Parse_InvalidText_IsRejectedWithReason(string text, string expected)
    {
        var e = Assert.Throws<CedarException>(() => PolicySet.Parse(text, "p.cedar"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.All(e.Diagnostics, d => Assert.Equal("p.cedar", d.SourceName));
    }

    [Fact]
    public void Parse_Error_ReportsLineAndColumn()
    {
        var e = Assert.Throws<CedarException>(() => PolicySet.Parse("permit(principal, action, resource)\nwhen { principal.if };", "p.cedar"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal((2, 18), (d.Line, d.Column));
        Assert.StartsWith("p.cedar:2:18: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedText_IsRejectedNotCrashed()
    {
        var deep = new string('(', 100_000) + "true" + new string(')', 100_000);
        var e = Assert.Throws<CedarException>(() => PolicySet.Parse($"permit(principal, action, resource) when {{ {deep} }};"));
        Assert.Contains("nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VeryLongChain_IsRejectedNotCrashed()
    {
        var chain = string.Join(" || ", Enumerable.Repeat("true", 50_000));
        var e = Assert.Throws<CedarException>(() => PolicySet.Parse($"permit(principal, action, resource) when {{ {chain} }};"));
        Assert.Contains("deep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExtendedHas_DesugarsToConjunction()
    {
        var p = PolicySet.Parse("permit(principal, action, resource) when { context has a.b };").Policies[0];
        var and = Assert.IsType<AndExpr>(p.Conditions[0].Body);
        Assert.Equal("a", Assert.IsType<HasAttrExpr>(and.Left).Attribute);
        Assert.Equal("b", Assert.IsType<HasAttrExpr>(and.Right).Attribute);
    }
}
