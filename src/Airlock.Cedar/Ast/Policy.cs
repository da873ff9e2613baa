using Airlock.Cedar.Values;

namespace Airlock.Cedar.Ast;

/// <summary>A parsed policy or template: effect, scope, conditions and annotations, with its source location.</summary>
public sealed class Policy
{
    public Policy(
        string id,
        Effect effect,
        IReadOnlyList<Annotation> annotations,
        EntityScope principal,
        ActionScope action,
        EntityScope resource,
        IReadOnlyList<Condition> conditions,
        SourceSpan span,
        string? templateId = null)
    {
        Id = id;
        Effect = effect;
        Annotations = annotations;
        Principal = principal;
        Action = action;
        Resource = resource;
        Conditions = conditions;
        Span = span;
        TemplateId = templateId;
    }

    /// <summary>The policy id: <c>policy0</c>, <c>policy1</c>, … in file order, or the id given at link time.</summary>
    public string Id { get; }

    public Effect Effect { get; }

    public IReadOnlyList<Annotation> Annotations { get; }

    public EntityScope Principal { get; }

    public ActionScope Action { get; }

    public EntityScope Resource { get; }

    public IReadOnlyList<Condition> Conditions { get; }

    public SourceSpan Span { get; }

    /// <summary>For a policy linked from a template, the template's id.</summary>
    public string? TemplateId { get; }

    /// <summary>True when the scope has a slot (<c>?principal</c> or <c>?resource</c>), so the policy must be linked before use.</summary>
    public bool IsTemplate => Principal.Slot is not null || Resource.Slot is not null;

    /// <summary>Returns the annotation value for <paramref name="key"/>, or null when absent.</summary>
    public string? Annotation(string key)
    {
        foreach (var a in Annotations)
        {
            if (a.Key == key)
            {
                return a.ValueOrEmpty;
            }
        }

        return null;
    }

    /// <summary>Creates a static policy from this template by filling its slots.</summary>
    public Policy Link(string newId, EntityUid? principal, EntityUid? resource)
    {
        if (Principal.Slot is not null && principal is null)
        {
            throw new ArgumentException($"template `{Id}` needs a value for ?principal", nameof(principal));
        }

        if (Resource.Slot is not null && resource is null)
        {
            throw new ArgumentException($"template `{Id}` needs a value for ?resource", nameof(resource));
        }

        if (Principal.Slot is null && principal is not null)
        {
            throw new ArgumentException($"template `{Id}` has no ?principal slot", nameof(principal));
        }

        if (Resource.Slot is null && resource is not null)
        {
            throw new ArgumentException($"template `{Id}` has no ?resource slot", nameof(resource));
        }

        return new Policy(
            newId,
            Effect,
            Annotations,
            principal is null ? Principal : Principal.Link(principal),
            Action,
            resource is null ? Resource : Resource.Link(resource),
            Conditions,
            Span,
            Id);
    }
}
