using Airlock.Cedar.Schemas;
using Airlock.Cedar.Validation;
using Airlock.Cedar.Values;

namespace Airlock.Cedar;

/// <summary>Validates policies and requests against a schema, in Cedar's strict mode.</summary>
public sealed class Validator
{
    private readonly SchemaView view;
    private readonly ScopeChecks scopeChecks;
    private readonly PolicyTypeChecker typeChecker;
    private readonly RequestChecks requestChecks;

    /// <summary>Creates a validator for <paramref name="schema"/>; reuse it for many policy sets and requests.</summary>
    public Validator(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        view = new SchemaView(schema);
        scopeChecks = new ScopeChecks(view);
        typeChecker = new PolicyTypeChecker(view);
        requestChecks = new RequestChecks(view);
    }

    /// <summary>The schema policies are validated against.</summary>
    public Schema Schema { get; }

    /// <summary>Validates every policy, template and template-linked policy in <paramref name="policies"/>.</summary>
    public ValidationResult Validate(PolicySet policies) => Validate(policies, source: null);

    /// <summary>Validates <paramref name="policies"/>, locating each problem by line and column in <paramref name="source"/>, the text they were parsed from.</summary>
    public ValidationResult Validate(PolicySet policies, SourceText? source)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var errors = new List<ValidationIssue>();
        var warnings = new List<ValidationIssue>();
        foreach (var policy in policies.All)
        {
            if (policy.TemplateId is null)
            {
                var condition = PolicyCondition.Build(policy);
                var conditionNodes = ExprNodes.Of([condition]);
                scopeChecks.Check(policy, conditionNodes, errors);
                typeChecker.Check(policy, condition, errors, warnings);
                TextChecks.Check(policy, conditionNodes, warnings);
            }
            else if (policies[policy.TemplateId] is { } template)
            {
                EntityUid?[] slotValues =
                [
                    template.Principal.Slot is null ? null : policy.Principal.Entity,
                    template.Resource.Slot is null ? null : policy.Resource.Entity,
                ];
                scopeChecks.CheckLinked(policy, slotValues, errors);
            }
        }

        // The same problem is found once per request environment; report it once.
        return new ValidationResult(errors.Distinct().ToList(), warnings.Distinct().ToList(), source);
    }

    /// <summary>Checks that <paramref name="request"/> fits the schema; returns the problems, none when it does.</summary>
    public IReadOnlyList<CedarDiagnostic> ValidateRequest(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return requestChecks.Check(request);
    }
}
