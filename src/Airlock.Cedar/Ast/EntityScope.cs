using Airlock.Cedar.Values;

namespace Airlock.Cedar.Ast;

/// <summary>
/// The principal or resource constraint of a policy scope. The entity is either a literal
/// (<see cref="Entity"/>) or, in a template, a slot (<see cref="Slot"/>).
/// </summary>
public sealed class EntityScope
{
    public static readonly EntityScope Any = new(ScopeKind.Any, null, null, null);

    public EntityScope(ScopeKind kind, EntityUid? entity, SlotId? slot, string? entityType)
    {
        Kind = kind;
        Entity = entity;
        Slot = slot;
        EntityType = entityType;
    }

    public ScopeKind Kind { get; }

    /// <summary>The entity for <c>==</c> and <c>in</c>, when it is a literal.</summary>
    public EntityUid? Entity { get; }

    /// <summary>The slot for <c>==</c> and <c>in</c> in a template.</summary>
    public SlotId? Slot { get; }

    /// <summary>The entity type for <c>is</c>.</summary>
    public string? EntityType { get; }

    /// <summary>Returns this constraint with its slot replaced by <paramref name="value"/>.</summary>
    public EntityScope Link(EntityUid value) => Slot is null ? this : new EntityScope(Kind, value, null, EntityType);
}
