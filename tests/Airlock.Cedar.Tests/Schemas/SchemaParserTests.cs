using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

public class SchemaParserTests
{
    [Fact]
    public void Parse_EntityWithParentsAttributesAndTags_BuildsResolvedModel()
    {
        var schema = Schema.Parse("""
            namespace App {
              entity Group;
              entity User in [Group] = { name: String, age?: Long, groups: Set<Group> } tags Set<String>;
            }
            """);

        var user = schema.EntityTypes["App::User"];
        Assert.Equal(["App::Group"], user.MemberOfTypes);
        Assert.Equal(new AttributeSchema(PrimitiveSchemaType.String, true), user.Shape.Attributes["name"]);
        Assert.False(user.Shape.Attributes["age"].Required);
        Assert.Equal(new SetSchemaType(new EntitySchemaType("App::Group")), user.Shape.Attributes["groups"].Type);
        Assert.Equal(new SetSchemaType(PrimitiveSchemaType.String), user.Tags);
        Assert.Null(schema.EntityTypes["App::Group"].Tags);
        Assert.Empty(schema.EntityTypes["App::Group"].Shape.Attributes);
    }

    [Fact]
    public void Parse_SeveralNamesInOneDeclaration_DeclaresEachWithTheSameDefinition()
    {
        var schema = Schema.Parse("entity A, B in [C] { x: Long }; entity C; action read, \"write\" appliesTo { principal: A, resource: [B, C] };");

        Assert.Equal(schema.EntityTypes["A"].Shape, schema.EntityTypes["B"].Shape);
        Assert.Equal(["C"], schema.EntityTypes["B"].MemberOfTypes);
        Assert.Equal(["B", "C"], schema.GetAction(new("Action", "write"))!.ResourceTypes);
        Assert.NotNull(schema.GetAction(new("Action", "read")));
    }

    [Fact]
    public void Parse_EnumeratedEntityType_HasItsIdsAndNoAttributes()
    {
        var schema = Schema.Parse("entity Color enum [\"red\", \"green\"]; entity Car in [Color];");

        var color = schema.EntityTypes["Color"];
        Assert.True(color.IsEnum);
        Assert.Equal(["red", "green"], color.EnumIds);
        Assert.Empty(color.Shape.Attributes);
        Assert.Null(schema.EntityTypes["Car"].EnumIds);
    }

    [Fact]
    public void Parse_EnumeratedEntityTypeWithParents_IsASyntaxError()
    {
        var d = SchemaErrors.Single(SchemaErrors.OfText("entity B; entity A in B enum [\"a\"];"), "unexpected token `enum`");
        Assert.Equal((1, 25), (d.Line, d.Column));
    }

    [Fact]
    public void Parse_AnnotationsEverywhereTheReferenceAllowsThem_AreIgnored()
    {
        var schema = Schema.Parse("""
            @doc("top")
            namespace N {
              @doc("entity") @other
              entity E { @doc("attribute") a: Long };
              @doc("type") type T = String;
              @doc("action") action act;
            }
            @doc("outside") entity F;
            """);

        Assert.Equal(["F", "N::E"], schema.EntityTypes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_RepeatedAnnotationKey_IsRejected()
    {
        SchemaErrors.Single(SchemaErrors.OfText("@doc(\"a\") @doc(\"b\") entity E;"), "duplicate annotation `@doc`");
    }

    [Fact]
    public void Parse_SchemaKeywordsAsNames_AreAllowed()
    {
        var schema = Schema.Parse("entity namespace { principal: Long, Set: String, type: Bool, \"in\": Long, entity: namespace };");

        var attributes = schema.EntityTypes["namespace"].Shape.Attributes;
        Assert.Equal(["Set", "entity", "in", "principal", "type"], attributes.Keys);
        Assert.Equal(new EntitySchemaType("namespace"), attributes["entity"].Type);
    }

    [Theory]
    [InlineData("entity A { in: Long };", "in")]
    [InlineData("entity A { if: Long };", "if")]
    [InlineData("entity true;", "true")]
    [InlineData("namespace N::has { entity A; }", "has")]
    public void Parse_ReservedWordAsIdentifier_IsRejected(string text, string word)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), $"`{word}` is a reserved identifier");
    }

    [Fact]
    public void Parse_CommentsAndStringEscapes_AreHandled()
    {
        var schema = Schema.Parse("// leading\nentity E { \"tab\\there\": Long, \"\\u{1F600}\\x41\": String }; // trailing");

        Assert.Equal(["tab\there", "\U0001F600A"], schema.EntityTypes["E"].Shape.Attributes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("entity E { \"\\q\": Long };")]
    [InlineData("entity E { \"\\x80\": Long };")]
    [InlineData("entity E { \"\\u{D800}\": Long };")]
    [InlineData("entity E { \"\\u{1234567}\": Long };")]
    public void Parse_InvalidEscape_IsRejectedAtTheEscape(string text)
    {
        var d = SchemaErrors.Single(SchemaErrors.OfText(text), "invalid escape");
        Assert.Equal(13, d.Column);
    }

    [Fact]
    public void Parse_RepeatedAttribute_KeepsTheLastDeclarationLikeTheReference()
    {
        var schema = Schema.Parse("entity E { a: Long, a?: String };");

        Assert.Equal(new AttributeSchema(PrimitiveSchemaType.String, false), schema.EntityTypes["E"].Shape.Attributes["a"]);
    }

    [Theory]
    [InlineData("entity A in [B,]; entity B;", "unexpected token `]`")]
    [InlineData("entity A enum [];", "unexpected token `]`")]
    [InlineData("entity A = ;", "unexpected token `;`")]
    [InlineData("entity A;;", "unexpected token `;`")]
    [InlineData("entity 1A;", "unexpected token `1`")]
    [InlineData("entity Ä;", "unexpected character `Ä`")]
    [InlineData("entity A { x: \"Long\" };", "unexpected token `\"Long\"`")]
    [InlineData("action a in NS::Foo;", "unexpected token `;`")]
    [InlineData("entity A { a: Long", "unexpected end of input")]
    [InlineData("entity A { \"a\n", "unterminated string literal")]
    public void Parse_SyntaxError_ReportsTheOffendingToken(string text, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfText(text), message);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsSourceNameLineColumnAndExpectation()
    {
        var d = SchemaErrors.Single(SchemaErrors.OfText("namespace N {\n  entity A {\n    a Long\n  };\n}"), "unexpected token `Long`");

        Assert.Equal(("test.cedarschema", 3, 7), (d.SourceName, d.Line, d.Column));
        Assert.Equal("expected `:`", d.Help);
        Assert.StartsWith("test.cedarschema:3:7: unexpected token `Long`", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileNesting_ReportsTheLimitInsteadOfOverflowingTheStack()
    {
        var deep = string.Concat(Enumerable.Repeat("Set<", 100_000)) + "Long" + new string('>', 100_000);

        SchemaErrors.Single(SchemaErrors.OfText($"type T = {deep};"), "nested more than 128 levels");
        SchemaErrors.Single(SchemaErrors.OfText("entity E " + string.Concat(Enumerable.Repeat("{ a: ", 200)) + "Long" + new string('}', 200) + ";"), "nested more than 128 levels");
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsAccepted()
    {
        var type = string.Concat(Enumerable.Repeat("Set<", Schema.MaxTypeDepth - 1)) + "Long" + new string('>', Schema.MaxTypeDepth - 1);

        var schema = Schema.Parse($"entity E tags {type};");

        Assert.Equal(Schema.MaxTypeDepth, schema.EntityTypes["E"].Tags!.Depth);
    }

    [Fact]
    public void Parse_EmptyInput_IsAnEmptySchema()
    {
        var schema = Schema.Parse("// nothing here\n");

        Assert.Empty(schema.EntityTypes);
        Assert.Empty(schema.Actions);
    }
}
