using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas;

/// <summary>The declaration of one action, with every name resolved.</summary>
public sealed class ActionSchema
{
    internal ActionSchema(
        EntityUid uid,
        IReadOnlyList<string> principalTypes,
        IReadOnlyList<string> resourceTypes,
        RecordSchemaType context,
        IReadOnlyList<EntityUid> memberOf)
    {
        Uid = uid;
        PrincipalTypes = principalTypes;
        ResourceTypes = resourceTypes;
        Context = context;
        MemberOf = memberOf;
    }

    /// <summary>The action entity, for example <c>NS::Action::"view"</c>.</summary>
    public EntityUid Uid { get; }

    /// <summary>
    /// The entity types a request's principal may have; empty when the action declares no <c>appliesTo</c>,
    /// in which case no request can use the action.
    /// </summary>
    public IReadOnlyList<string> PrincipalTypes { get; }

    /// <summary>The entity types a request's resource may have; empty when the action applies to nothing.</summary>
    public IReadOnlyList<string> ResourceTypes { get; }

    /// <summary>True when some request can use this action (both principal and resource types are declared).</summary>
    public bool AppliesToAnything => PrincipalTypes.Count > 0 && ResourceTypes.Count > 0;

    /// <summary>The type of the request context; the empty record when none is declared.</summary>
    public RecordSchemaType Context { get; }

    /// <summary>The direct parent actions (action groups), in declaration order without repeats.</summary>
    public IReadOnlyList<EntityUid> MemberOf { get; }

    public override string ToString() => "action " + Uid;
}
