namespace Airlock.Cli.Tests;

/// <summary>A small document-sharing policy set with its schema and entities, shared by the command tests.</summary>
public static class Samples
{
    public const string Policies = """
        @id("owner-read")
        @reason("owners read their documents")
        permit (principal, action == Action::"read", resource) when { resource.owner == principal };

        @id("blocked")
        forbid (principal, action, resource) when { context.blocked };

        """;

    public const string Schema = """
        entity User { department: String };
        entity Doc { owner: User, classification: String };
        action read, write appliesTo { principal: User, resource: Doc, context: { blocked: Bool } };

        """;

    public const string JsonSchema = """
        {
          "": {
            "entityTypes": {
              "User": { "shape": { "type": "Record", "attributes": { "department": { "type": "String" } } } },
              "Doc": {
                "shape": {
                  "type": "Record",
                  "attributes": {
                    "owner": { "type": "Entity", "name": "User" },
                    "classification": { "type": "String" }
                  }
                }
              }
            },
            "actions": {
              "read": {
                "appliesTo": {
                  "principalTypes": ["User"],
                  "resourceTypes": ["Doc"],
                  "context": { "type": "Record", "attributes": { "blocked": { "type": "Boolean" } } }
                }
              }
            }
          }
        }
        """;

    public const string Entities = """
        [
          { "uid": { "type": "User", "id": "alice" }, "attrs": { "department": "eng" }, "parents": [] },
          { "uid": { "type": "User", "id": "bob" }, "attrs": { "department": "sales" }, "parents": [] },
          {
            "uid": { "type": "Doc", "id": "plan" },
            "attrs": { "owner": { "__entity": { "type": "User", "id": "alice" } }, "classification": "internal" },
            "parents": []
          }
        ]
        """;

    /// <summary>A syntax error on line 2: the right-hand side of <c>==</c> is missing.</summary>
    public const string BrokenPolicy = """
        permit (principal, action, resource)
        when { principal.department == };

        """;
}
