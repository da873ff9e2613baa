using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

public class JsonSchemaEquivalenceTests
{
    private const string DocumentsText = """
        entity Tenant enum ["acme", "globex"];
        type Audit = { at: datetime, by?: String };
        namespace Docs {
          type Name = String;
          type Meta = { name: Name, size: Long, audit: Audit };
          entity Group in [Tenant];
          entity User in [Group, Tenant] { name: Name, admin?: Bool, ip: ipaddr, limits: Set<decimal>, owner: Docs::User } tags Set<String>;
          @doc("a document")
          entity Document = { meta: Meta, readers: Set<User>, kind: __cedar::Long };
          type Ctx = { reason?: String, window: duration };
          action read, "list" appliesTo { principal: [User], resource: Document, context: Ctx };
          action write in [read] appliesTo { principal: User, resource: [Document], context: { force: Bool } };
          action admin in [write, Action::"read"];
        }
        action "audit" appliesTo { principal: Docs::User, resource: Tenant };
        """;

    private const string DocumentsJson = """
        {
          "": {
            "commonTypes": {
              "Audit": { "type": "Record", "attributes": {
                "at": { "type": "Extension", "name": "datetime" },
                "by": { "type": "String", "required": false }
              } }
            },
            "entityTypes": { "Tenant": { "enum": ["acme", "globex"] } },
            "actions": {
              "audit": { "appliesTo": { "principalTypes": ["Docs::User"], "resourceTypes": ["Tenant"] } }
            }
          },
          "Docs": {
            "annotations": { "doc": "document store" },
            "commonTypes": {
              "Name": { "type": "String" },
              "Meta": { "type": "Record", "attributes": {
                "name": { "type": "Name" },
                "size": { "type": "Long" },
                "audit": { "type": "EntityOrCommon", "name": "Audit" }
              } },
              "Ctx": { "type": "Record", "attributes": {
                "reason": { "type": "String", "required": false },
                "window": { "type": "duration" }
              } }
            },
            "entityTypes": {
              "Group": { "memberOfTypes": ["Tenant"] },
              "User": {
                "memberOfTypes": ["Group", "Tenant"],
                "shape": { "type": "Record", "attributes": {
                  "name": { "type": "EntityOrCommon", "name": "Name" },
                  "admin": { "type": "Boolean", "required": false },
                  "ip": { "type": "ipaddr" },
                  "limits": { "type": "Set", "element": { "type": "Extension", "name": "decimal" } },
                  "owner": { "type": "Entity", "name": "User" }
                } },
                "tags": { "type": "Set", "element": { "type": "String" } }
              },
              "Document": {
                "annotations": { "doc": "a document" },
                "shape": { "type": "Record", "attributes": {
                  "meta": { "type": "Meta" },
                  "readers": { "type": "Set", "element": { "type": "EntityOrCommon", "name": "Docs::User" } },
                  "kind": { "type": "__cedar::Long" }
                } }
              }
            },
            "actions": {
              "read": { "appliesTo": { "principalTypes": ["User"], "resourceTypes": ["Document"], "context": { "type": "Ctx" } } },
              "list": { "appliesTo": { "principalTypes": ["User"], "resourceTypes": ["Document"], "context": { "type": "Ctx" } } },
              "write": {
                "memberOf": [{ "id": "read" }],
                "appliesTo": { "principalTypes": ["User"], "resourceTypes": ["Document"], "context": { "type": "Record", "attributes": { "force": { "type": "Bool" } } } }
              },
              "admin": { "memberOf": [{ "id": "write", "type": "Docs::Action" }, { "id": "read", "type": "Action" }] }
            }
          }
        }
        """;

    [Fact]
    public void FromJson_SchemaUsingEveryFeature_EqualsTheSameSchemaInCedarSyntax()
    {
        var fromText = Schema.Parse(DocumentsText);
        var fromJson = Schema.FromJson(DocumentsJson);

        SchemaAssert.Equal(fromText, fromJson);
        Assert.Equal(ExtensionSchemaType.DateTime, fromJson.EntityTypes["Docs::Document"].Shape.Attributes["meta"].Type is RecordSchemaType meta
            && meta.Attributes["audit"].Type is RecordSchemaType audit ? audit.Attributes["at"].Type : null);
        Assert.Equal(["Docs::Action::\"read\"", "Docs::Action::\"write\""], fromJson.ActionAncestors(new("Docs::Action", "admin")).Select(u => u.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromJson_ShadowedBuiltins_ResolveLikeTheCedarSyntax()
    {
        var fromText = Schema.Parse("entity String; namespace N { entity ipaddr; entity E { a: String, b: ipaddr, c: __cedar::String, d: Bool }; }");
        var fromJson = Schema.FromJson("""
            { "": { "entityTypes": { "String": {} }, "actions": {} },
              "N": { "entityTypes": { "ipaddr": {}, "E": { "shape": { "type": "Record", "attributes": {
                "a": { "type": "EntityOrCommon", "name": "String" },
                "b": { "type": "EntityOrCommon", "name": "ipaddr" },
                "c": { "type": "String" },
                "d": { "type": "Bool" } } } } }, "actions": {} } }
            """);

        SchemaAssert.Equal(fromText, fromJson);
        var attributes = fromJson.EntityTypes["N::E"].Shape.Attributes;
        Assert.Equal(new EntitySchemaType("String"), attributes["a"].Type);
        Assert.Equal(new EntitySchemaType("N::ipaddr"), attributes["b"].Type);
        Assert.Equal(PrimitiveSchemaType.String, attributes["c"].Type);
        Assert.Equal(PrimitiveSchemaType.Bool, attributes["d"].Type);
    }

    [Fact]
    public void ToCedarSchemaText_ShadowedBuiltins_AreWrittenSoTheyResolveBack()
    {
        var schema = Schema.Parse("entity Long; namespace N { entity decimal; entity E { a: __cedar::Long, b: __cedar::decimal, c: Long, d: String }; }");

        var written = schema.ToCedarSchemaText();

        Assert.Contains("a: __cedar::Long", written, StringComparison.Ordinal);
        Assert.Contains("b: __cedar::decimal", written, StringComparison.Ordinal);
        Assert.Contains("d: String", written, StringComparison.Ordinal);
        SchemaAssert.Equal(schema, Schema.Parse(written));
    }
}
