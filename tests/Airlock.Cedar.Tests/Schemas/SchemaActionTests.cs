using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Schemas;

public class SchemaActionTests
{
    [Fact]
    public void Parse_ActionWithoutAppliesTo_AppliesToNothing()
    {
        var action = Schema.Parse("action group;").Actions[new EntityUid("Action", "group")];

        Assert.Empty(action.PrincipalTypes);
        Assert.Empty(action.ResourceTypes);
        Assert.False(action.AppliesToAnything);
        Assert.Same(RecordSchemaType.Empty, action.Context);
    }

    [Theory]
    [InlineData("entity A; action a appliesTo { principal: A };", "missing `resource` declaration for action `a`")]
    [InlineData("entity A; action a appliesTo { resource: [A], context: {} };", "missing `principal` declaration for action `a`")]
    [InlineData("entity A; action a appliesTo { principal: [], resource: A };", "for action `a`, `principal` is `[]`, which is invalid")]
    [InlineData("entity A; action a appliesTo { principal: A, resource: A, principal: A };", "duplicate `principal` declaration in action `a`")]
    [InlineData("entity A; action a appliesTo { principal: A, resource: A, context: {}, context: {} };", "duplicate context declaration in action `a`")]
    public void Parse_IncompleteAppliesTo_IsRejected(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Fact]
    public void Parse_EmptyAppliesTo_IsASyntaxError()
    {
        SchemaErrors.Single(SchemaErrors.OfText("action a appliesTo {};"), "unexpected token `}`");
    }

    [Fact]
    public void Parse_ActionParentsInEveryForm_ResolveToDeclaredActions()
    {
        var schema = Schema.Parse("""
            action root;
            namespace N {
              action "read" in [Action::"root"];
              action list in [read, "read", N::Action::"read"];
              action other in M::Action::"x";
            }
            namespace M { action x; }
            """);

        Assert.Equal([new EntityUid("Action", "root")], schema.Actions[new("N::Action", "read")].MemberOf);
        Assert.Equal([new EntityUid("N::Action", "read")], schema.Actions[new("N::Action", "list")].MemberOf);
        Assert.Equal([new EntityUid("M::Action", "x")], schema.Actions[new("N::Action", "other")].MemberOf);
    }

    [Fact]
    public void Parse_UnqualifiedParent_PrefersTheCurrentNamespace()
    {
        var schema = Schema.Parse("namespace N { action a in [Action::\"b\"]; action b; } action c;");

        Assert.Equal([new EntityUid("N::Action", "b")], schema.Actions[new("N::Action", "a")].MemberOf);
    }

    [Theory]
    [InlineData("action a in [\"zzz\"];", "undefined action `Action::\"zzz\"`")]
    [InlineData("action b; action a in Foo::\"b\";", "undefined action `Foo::\"b\"`")]
    [InlineData("namespace N { action b; } action a in b;", "undefined action `Action::\"b\"`")]
    public void Parse_UndeclaredParentAction_IsRejected(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Theory]
    [InlineData("action a in a;")]
    [InlineData("action a in b; action b in c; action c in a;")]
    public void Parse_CycleInActionHierarchy_IsRejected(string text)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), "cycle in action hierarchy containing `Action::\"a\"`");
    }

    [Fact]
    public void ActionAncestorsAndDescendants_AreTransitive()
    {
        var schema = Schema.Parse("action all; action read in all; action list in [read]; action other;");
        EntityUid A(string id) => new("Action", id);

        Assert.Equal([A("all"), A("read")], schema.ActionAncestors(A("list")).OrderBy(u => u.Id));
        Assert.Equal([A("list"), A("read")], schema.ActionDescendants(A("all")).OrderBy(u => u.Id));
        Assert.Empty(schema.ActionAncestors(A("other")));
        Assert.Empty(schema.ActionAncestors(A("unknown")));
    }

    [Fact]
    public void Parse_ContextNamingACommonRecordType_IsExpanded()
    {
        var schema = Schema.Parse("namespace N { type Ctx = { ip: ipaddr }; entity E; action a appliesTo { principal: E, resource: E, context: Ctx }; }");

        var context = schema.Actions[new("N::Action", "a")].Context;
        Assert.Equal(ExtensionSchemaType.IpAddr, context.Attributes["ip"].Type);
    }

    [Theory]
    [InlineData("type C = Long; entity E; action a appliesTo { principal: E, resource: E, context: C };", "the context of action `Action::\"a\"` must be a record type, found `Long`")]
    [InlineData("entity E; action a appliesTo { principal: E, resource: E, context: E };", "undefined common type `E`")]
    [InlineData("entity E; action a appliesTo { principal: E, resource: E, context: __cedar::Long };", "must be a record type, found `Long`")]
    public void Parse_ContextThatIsNotARecord_IsRejected(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Fact]
    public void Parse_EmptyAttributesClause_IsAcceptedAndIgnored()
    {
        Assert.Single(Schema.Parse("action a attributes {};").Actions);
    }

    [Fact]
    public void Parse_ActionTypeAsPrincipal_IsAnUndeclaredEntityType()
    {
        var errors = SchemaErrors.OfText("action a appliesTo { principal: [Action], resource: [Action] };");

        Assert.Equal(2, errors.Count);
        Assert.All(errors, d => Assert.Contains("undeclared entity type `Action`", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ActionTypeAsAttributeType_IsAnEntityReference()
    {
        var schema = Schema.Parse("namespace N { entity E { a: Action, b: Set<N::Action> }; action x; }");

        Assert.Equal(new EntitySchemaType("N::Action"), schema.EntityTypes["N::E"].Shape.Attributes["a"].Type);
        Assert.True(schema.IsKnownEntityType("N::Action"));
        Assert.False(schema.EntityTypes.ContainsKey("N::Action"));
    }
}
