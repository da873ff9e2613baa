using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Schemas;

public class JsonSchemaErrorTests
{
    private static string Entity(string shape) =>
        "{ \"NS\": { \"entityTypes\": { \"A\": { \"shape\": " + shape + " } }, \"actions\": {} } }";

    private static string Attribute(string type) => Entity("{ \"type\": \"Record\", \"attributes\": { \"x\": " + type + " } }");

    [Fact]
    public void FromJson_UnknownField_ReportsJsonPathLineAndColumn()
    {
        var d = SchemaErrors.Single(SchemaErrors.OfJson("{\n  \"NS\": {\n    \"entityTypes\": {},\n    \"actions\": {},\n    \"extra\": 1\n  }\n}"), "unknown field `extra` in a namespace definition (at `$.NS.extra`)");

        Assert.Equal(("test.json", 5, 5), (d.SourceName, d.Line, d.Column));
        Assert.Contains("`entityTypes`", d.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"\": { \"entityTypes\": {} } }", "missing field `actions` (at `$[\"\"]`)")]
    [InlineData("{ \"\": { \"actions\": {} } }", "missing field `entityTypes`")]
    [InlineData("[]", "expected a JSON object mapping namespace names")]
    [InlineData("{ \"NS \": { \"entityTypes\": {}, \"actions\": {} } }", "invalid namespace name `NS `")]
    [InlineData("{ \"NS::if\": { \"entityTypes\": {}, \"actions\": {} } }", "invalid namespace name `NS::if`")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"if\": {} }, \"actions\": {} } }", "invalid entity type name `if`")]
    [InlineData("{ \"\": { \"entityTypes\": {}, \"actions\": {}, \"annotations\": { \"doc\": \"x\" } } }", "annotations are not allowed on the empty namespace")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"A\": null }, \"actions\": {} } }", "expected an entity type (a JSON object), found null")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"A\": { \"memberOfTypes\": null } }, \"actions\": {} } }", "expected an array of entity type names, found null")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"A\": { \"enum\": [] } }, \"actions\": {} } }", "expected a non-empty array of entity ids, found an empty array")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"A\": { \"enum\": [\"a\"], \"tags\": { \"type\": \"Long\" } } }, \"actions\": {} } }", "unexpected field `tags` in an enumerated entity type")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"A\": {}, \"A\": {} }, \"actions\": {} } }", "duplicate key `A` (at `$.NS.entityTypes.A`)")]
    [InlineData("{ \"NS\": { \"commonTypes\": { \"Record\": { \"type\": \"Long\" } }, \"entityTypes\": {}, \"actions\": {} } }", "`Record` is reserved")]
    [InlineData("{ \"NS\": { \"commonTypes\": { \"T\": { \"type\": \"Long\", \"required\": false } }, \"entityTypes\": {}, \"actions\": {} } }", "unknown field `required` in a type")]
    [InlineData("{ \"NS\": { \"entityTypes\": { \"A\": { \"memberOfTypes\": [\"B\"] } }, \"actions\": {} } }", "undefined entity type `B` (at `$.NS.entityTypes.A.memberOfTypes[0]`)")]
    public void FromJson_MalformedNamespaceOrEntityType_IsRejected(string json, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfJson(json), message);
    }

    [Theory]
    [InlineData("{ \"type\": \"Long\" }", "the shape of entity type `NS::A` must be a record type, found `Long`")]
    [InlineData("{ \"type\": \"Record\" }", "missing field `attributes`")]
    [InlineData("{ \"type\": \"Record\", \"attributes\": {}, \"additionalAttributes\": true }", "records with `additionalAttributes` are not supported")]
    [InlineData("{ \"name\": \"Long\" }", "missing field `type`")]
    public void FromJson_BadShape_IsRejected(string shape, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfJson(Entity(shape)), message);
    }

    [Theory]
    [InlineData("{ \"type\": \"Set\" }", "missing field `element`")]
    [InlineData("{ \"type\": \"Set\", \"element\": { \"type\": \"Long\" }, \"name\": \"x\" }", "unexpected field `name` for type `Set`")]
    [InlineData("{ \"type\": \"Set\", \"element\": { \"type\": \"Long\", \"required\": true } }", "unknown field `required` in a type (at `$.NS.entityTypes.A.shape.attributes.x.element.required`)")]
    [InlineData("{ \"type\": \"Long\", \"foo\": 1 }", "unknown field `foo` in a type")]
    [InlineData("{ \"type\": \"Long\", \"required\": null }", "expected `true` or `false` for `required`, found null")]
    [InlineData("{ \"type\": \"Extension\", \"name\": \"money\" }", "unknown extension type `money`")]
    [InlineData("{ \"type\": \"Entity\", \"name\": \"Long\" }", "undefined entity type `Long`")]
    [InlineData("{ \"type\": \"Entity\" }", "missing field `name`")]
    [InlineData("{ \"type\": \"EntityOrCommon\", \"name\": \"a b\" }", "invalid type name `a b`")]
    [InlineData("{ \"type\": \"Missing\" }", "undefined common type `Missing`")]
    [InlineData("{ \"type\": \"A\" }", "undefined common type `A`")]
    [InlineData("{ \"type\": \"Long\", \"type\": \"Long\" }", "duplicate key `type`")]
    [InlineData("{ \"type\": \"Long\", \"annotations\": { \"1x\": \"a\" } }", "invalid annotation name `1x`")]
    [InlineData("{ \"type\": 5 }", "expected a string for `type`, found a number")]
    public void FromJson_BadAttributeType_IsRejected(string type, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfJson(Attribute(type)), message);
    }

    [Theory]
    [InlineData("{ \"appliesTo\": { \"principalTypes\": [\"A\"] } }", "missing field `resourceTypes`")]
    [InlineData("{ \"appliesTo\": { \"principalTypes\": [\"A\"], \"resourceTypes\": [\"A\"], \"context\": { \"type\": \"Long\" } } }", "the context of action `NS::Action::\"a\"` must be a record type")]
    [InlineData("{ \"attributes\": {} }", "action `a` is declared with attributes, which are not supported")]
    [InlineData("{ \"memberOf\": [{ \"id\": \"zz\" }] }", "undefined action `Action::\"zz\"`")]
    [InlineData("{ \"memberOf\": [{ \"type\": \"NS::Action\" }] }", "missing field `id`")]
    [InlineData("{ \"memberOf\": [{ \"id\": \"a\", \"extra\": 1 }] }", "unknown field `extra` in an action reference")]
    [InlineData("{ \"memberOf\": [{ \"id\": \"a\" }] }", "cycle in action hierarchy containing `NS::Action::\"a\"`")]
    public void FromJson_BadAction_IsRejected(string action, string message)
    {
        SchemaErrors.Single(SchemaErrors.OfJson("{ \"NS\": { \"entityTypes\": { \"A\": {} }, \"actions\": { \"a\": " + action + " } } }"), message);
    }

    [Fact]
    public void FromJson_NullOptionalActionFieldsAndEmptyTypeLists_AreAccepted()
    {
        var schema = Schema.FromJson("""
            { "NS": { "entityTypes": { "A": {} }, "actions": {
              "a": { "appliesTo": null, "memberOf": null, "attributes": null },
              "b": { "appliesTo": { "principalTypes": [], "resourceTypes": ["A"] }, "memberOf": [{ "id": "a", "type": null }] } } } }
            """);

        var b = schema.Actions[new EntityUid("NS::Action", "b")];
        Assert.Empty(b.PrincipalTypes);
        Assert.Equal(["A".Insert(0, "NS::")], b.ResourceTypes);
        Assert.False(b.AppliesToAnything);
        Assert.Equal([new EntityUid("NS::Action", "a")], b.MemberOf);
    }

    [Fact]
    public void FromJson_RecordsWrittenAsArrays_AreReadPositionallyLikeTheReference()
    {
        // The reference's JSON library fills a record's fields from an array in declaration order.
        var schema = Schema.FromJson("""
            { "NS": [{}, { "A": [["B"]], "B": [] }, { "a": [null, [["A"], ["B"]], [["b"]]], "b": [] }],
              "": { "entityTypes": {}, "actions": {}, "annotations": {} } }
            """);

        Assert.Equal(["NS::B"], schema.EntityTypes["NS::A"].MemberOfTypes);
        var a = schema.Actions[new EntityUid("NS::Action", "a")];
        Assert.Equal(["NS::B"], a.PrincipalTypes);
        Assert.Equal(["NS::A"], a.ResourceTypes);
        Assert.Equal([new EntityUid("NS::Action", "b")], a.MemberOf);
        SchemaErrors.Single(SchemaErrors.OfJson("{ \"NS\": [{}, {}, {}, {}, 1] }"), "too many items for a namespace definition written as an array");
    }

    [Theory]
    [InlineData("{ \"NS\": { ", 1, 11)]
    [InlineData("{\n  \"NS\": [1,]\n}", 2, 12)]
    [InlineData("", 1, 1)]
    public void FromJson_MalformedJson_ReportsLineAndColumn(string json, int line, int column)
    {
        var d = Assert.Single(SchemaErrors.OfJson(json));

        Assert.StartsWith("invalid JSON", d.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (d.Line, d.Column));
    }

    [Fact]
    public void FromJson_HostileNesting_IsRefusedWithoutOverflowingTheStack()
    {
        var deep = string.Concat(Enumerable.Repeat("{ \"type\": \"Set\", \"element\": ", 50_000)) + "{ \"type\": \"Long\" }" + new string('}', 50_000);

        Assert.StartsWith("invalid JSON", Assert.Single(SchemaErrors.OfJson(Attribute(deep))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NamespaceFieldsAtTheTopLevel_AreReadAsNamespacesMissingTheirFields()
    {
        var errors = SchemaErrors.OfJson("{ \"entityTypes\": {}, \"actions\": {} }");

        Assert.Contains(errors, d => d.Message == "missing field `entityTypes` (at `$.entityTypes`)");
    }

    [Fact]
    public void FromJson_SeveralStructuralProblems_AreAllReported()
    {
        var errors = SchemaErrors.OfJson("""
            { "NS": { "entityTypes": { "A": { "shape": { "type": 5 } }, "B": { "memberOfTypes": ["a b"] } },
                      "actions": { "a": { "bogus": true } } } }
            """);

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void FromJson_SeveralResolutionProblems_AreAllReported()
    {
        var errors = SchemaErrors.OfJson("""
            { "NS": { "entityTypes": { "A": { "shape": { "type": "Nope" } }, "B": { "memberOfTypes": ["C"] } },
                      "actions": { "a": { "memberOf": [{ "id": "zz" }] } } } }
            """);

        Assert.Equal(3, errors.Count);
    }
}
