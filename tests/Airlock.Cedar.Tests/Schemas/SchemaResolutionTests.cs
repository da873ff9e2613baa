using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

public class SchemaResolutionTests
{
    private static SchemaType AttributeType(Schema schema, string entityType, string attribute) =>
        schema.EntityTypes[entityType].Shape.Attributes[attribute].Type;

    [Fact]
    public void Parse_NameDeclaredAsCommonAndEntityType_ResolvesToTheCommonType()
    {
        var schema = Schema.Parse("namespace N { entity X; type X = Long; entity Y { x: X, e: N::X }; }");

        Assert.Equal(PrimitiveSchemaType.Long, AttributeType(schema, "N::Y", "x"));
        Assert.Equal(PrimitiveSchemaType.Long, AttributeType(schema, "N::Y", "e"));
    }

    [Fact]
    public void Parse_UnqualifiedName_TriesTheNamespaceThenTheEmptyNamespaceThenBuiltins()
    {
        var schema = Schema.Parse("type Shared = String; namespace N { entity Shared2; entity Y { a: Shared, b: Bool }; entity Bool; }");

        Assert.Equal(PrimitiveSchemaType.String, AttributeType(schema, "N::Y", "a"));
        Assert.Equal(new EntitySchemaType("N::Bool"), AttributeType(schema, "N::Y", "b"));
    }

    [Fact]
    public void Parse_NamespaceEntity_WinsOverAnEmptyNamespaceCommonTypeOfTheSameBasename()
    {
        // RFC 70 forbids declaring `N::T` beside an empty-namespace `T`, but an action type is implicit.
        var schema = Schema.Parse("type Action = Long; namespace N { entity U { t: Action }; action a; } entity V { t: Action };");

        Assert.Equal(new EntitySchemaType("N::Action"), AttributeType(schema, "N::U", "t"));
        Assert.Equal(PrimitiveSchemaType.Long, AttributeType(schema, "V", "t"));
    }

    [Fact]
    public void Parse_EmptyNamespaceEntityNamedLikeABuiltin_ShadowsItButNotTheCedarSpelling()
    {
        var schema = Schema.Parse("entity Long; entity E { a: Long, b: __cedar::Long, c: String, d: ipaddr, e: __cedar::decimal };");

        Assert.Equal(new EntitySchemaType("Long"), AttributeType(schema, "E", "a"));
        Assert.Equal(PrimitiveSchemaType.Long, AttributeType(schema, "E", "b"));
        Assert.Equal(PrimitiveSchemaType.String, AttributeType(schema, "E", "c"));
        Assert.Equal(ExtensionSchemaType.IpAddr, AttributeType(schema, "E", "d"));
        Assert.Equal(ExtensionSchemaType.Decimal, AttributeType(schema, "E", "e"));
    }

    [Fact]
    public void Parse_CommonTypeNamedLikeAnExtension_IsAllowedAndUsed()
    {
        var schema = Schema.Parse("type ipaddr = String; entity E { a: ipaddr, b: __cedar::ipaddr };");

        Assert.Equal(PrimitiveSchemaType.String, AttributeType(schema, "E", "a"));
        Assert.Equal(ExtensionSchemaType.IpAddr, AttributeType(schema, "E", "b"));
    }

    [Fact]
    public void Parse_CommonTypesReferringToCommonTypes_AreFullyExpanded()
    {
        var schema = Schema.Parse("namespace N { type A = Set<B>; type B = { c: C }; type C = datetime; entity E { a: A }; }");

        Assert.Equal("Set<{ c: datetime }>", AttributeType(schema, "N::E", "a").ToString());
        Assert.Equal(3, schema.CommonTypes.Count);
    }

    [Fact]
    public void Parse_UndefinedCommonType_ReportsLineAndColumn()
    {
        var d = SchemaErrors.Single(SchemaErrors.OfText("namespace N {\n  entity E { a: Missing };\n}"), "undefined type `Missing`");

        Assert.Equal((2, 17), (d.Line, d.Column));
        Assert.Equal("neither `N::Missing` nor `Missing` is declared as a common or entity type", d.Help);
    }

    [Theory]
    [InlineData("entity A { x: Boolean };", "undefined type `Boolean`")]
    [InlineData("entity A { x: Set };", "undefined type `Set`")]
    [InlineData("namespace N { entity E in [F]; } namespace M { entity F; }", "undefined entity type `F`")]
    [InlineData("namespace N { entity E { x: N::Action }; } action a;", "undefined type `N::Action`")]
    public void Parse_NameThatResolvesToNothing_IsRejected(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Theory]
    [InlineData("type A = A;", "`A`")]
    [InlineData("type A = { x: Set<A> };", "`A`")]
    [InlineData("type A = B; type B = A;", "`A`, `B`")]
    public void Parse_CycleInCommonTypes_IsRejected(string text, string members)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), "cycle in common type references containing " + members);
    }

    [Theory]
    [InlineData("entity User; namespace NS { entity User; }", "definition of `NS::User` illegally shadows the existing definition of `User`")]
    [InlineData("entity User; namespace NS { type User = Long; }", "definition of `NS::User` illegally shadows")]
    [InlineData("action \"a\"; namespace NS { action \"a\"; }", "definition of `NS::Action::\"a\"` illegally shadows the existing definition of `Action::\"a\"`")]
    public void Parse_NamespaceDeclarationShadowingTheEmptyNamespace_IsRejected(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Theory]
    [InlineData("namespace __cedar { entity A; }", "reserved name `__cedar`")]
    [InlineData("namespace A::__cedar { entity A; }", "reserved name `__cedar`")]
    [InlineData("entity __cedar;", "cannot be named `__cedar`")]
    [InlineData("type __cedar = Long;", "cannot be named `__cedar`")]
    [InlineData("type Long = String;", "`Long` is reserved and cannot be the name of a common type")]
    [InlineData("type Record = {};", "`Record` is reserved")]
    [InlineData("namespace N { entity Action; }", "entity type `N::Action` cannot be declared")]
    [InlineData("namespace A {} namespace A {}", "duplicate namespace `A`")]
    [InlineData("entity A, A;", "entity type `A` is declared more than once")]
    [InlineData("action a, \"a\";", "action `Action::\"a\"` is declared more than once")]
    [InlineData("type T = Long; type T = String;", "common type `T` is declared more than once")]
    public void Parse_ReservedOrRepeatedName_IsRejected(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedInSourceOrder()
    {
        var errors = SchemaErrors.OfText("entity A { a: X };\nentity B in [Y];\naction a in zz;\ntype C = C;");

        Assert.Equal([1, 2, 3, 4], errors.Select(d => d.Line));
    }

    [Fact]
    public void EntityTypeHierarchy_IsTransitiveAndToleratesCycles()
    {
        var schema = Schema.Parse("entity A in B; entity B in C; entity C; entity X in Y; entity Y in X;");

        Assert.True(schema.IsDescendantType("A", "C"));
        Assert.False(schema.IsDescendantType("C", "A"));
        Assert.False(schema.IsDescendantType("A", "A"));
        Assert.Equal(["A", "B"], schema.EntityTypeDescendants("C").Order(StringComparer.Ordinal));
        Assert.True(schema.IsDescendantType("X", "X"));
    }

    [Fact]
    public void Parse_CommonTypesThatDoubleAtEachStep_AreRefusedInsteadOfExpandedExponentially()
    {
        var text = "type T0 = Long;\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"type T{i} = {{ a: T{i - 1}, b: T{i - 1} }};\n"));

        Assert.Contains(SchemaErrors.OfText(text), d => d.Message.Contains("parts once common types are expanded", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CommonTypesNestingPastTheLimitWhenExpanded_AreRefused()
    {
        var text = "type T0 = Long;\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"type T{i} = Set<T{i - 1}>;\n"));

        var d = SchemaErrors.Single(SchemaErrors.OfText(text), "nested more than 128 levels deep once common types are expanded");
        Assert.Equal(129, d.Line);
    }
}
