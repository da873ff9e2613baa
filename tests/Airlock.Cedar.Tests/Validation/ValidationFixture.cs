using Airlock.Cedar.Schemas;
using Airlock.Cedar.Validation;

namespace Airlock.Cedar.Tests.Validation;

/// <summary>A schema exercising every validator rule, and helpers to validate policy text against it.</summary>
internal static class ValidationFixture
{
    public const string SchemaText = """
        type Address = { street: String, zip?: Long };
        entity Group in [Group] { name: String, level?: Long };
        entity User in [Group] {
          name: String,
          age: Long,
          manager?: User,
          flags: Set<String>,
          address: Address,
          ip: ipaddr,
          joined: datetime,
        } tags String;
        entity Doc in [Folder] { owner: User, title: String, readers: Set<User>, level?: Long } tags Long;
        entity Folder in [Folder] { name: String };
        entity Color enum ["red", "blue"];
        entity Plain;
        namespace NS {
          entity Thing { size: Long } tags Set<String>;
          action act appliesTo { principal: [Thing], resource: [Thing] };
        }
        action view appliesTo {
          principal: [User],
          resource: [Doc],
          context: { n: Long, s: String, opt?: Long, rec: { x: Long, y?: String }, color: Color }
        };
        action edit appliesTo { principal: [User, Group], resource: [Doc, Folder], context: { n: Long } };
        action read;
        action list in [read] appliesTo { principal: User, resource: Folder };
        action peek in [read] appliesTo { principal: User, resource: Doc };
        """;

    private static readonly Lazy<Validator> Shared = new(() => new Validator(Schema.Parse(SchemaText)));

    public static Validator Validator => Shared.Value;

    public static ValidationResult Validate(string policies) => Validator.Validate(PolicySet.Parse(policies), new SourceText(policies, "policies.cedar"));

    /// <summary>Validates a single <c>permit</c> with the given scope and <c>when</c> condition.</summary>
    public static ValidationResult When(string condition, string scope = "principal is User, action == Action::\"view\", resource is Doc") =>
        Validate($"permit({scope}) when {{ {condition} }};");

    public static IReadOnlyList<ValidationErrorKind> Kinds(this ValidationResult result) =>
        [.. result.ErrorIssues.Select(e => e.Kind).Distinct()];

    public static void AssertValid(ValidationResult result) =>
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.ToString())));

    public static void AssertOnly(ValidationResult result, ValidationErrorKind kind)
    {
        Assert.False(result.IsValid, "expected a validation error");
        Assert.Equal([kind], result.Kinds());
    }
}
