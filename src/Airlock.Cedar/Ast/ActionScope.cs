using Airlock.Cedar.Values;

namespace Airlock.Cedar.Ast;

/// <summary>The action constraint of a policy scope: any, <c>== A</c>, <c>in A</c> or <c>in [A, B]</c>.</summary>
public sealed class ActionScope
{
    public static readonly ActionScope Any = new(ScopeKind.Any, [], isList: false);

    public ActionScope(ScopeKind kind, IReadOnlyList<EntityUid> entities, bool isList)
    {
        Kind = kind;
        Entities = entities;
        IsList = isList;
    }

    /// <summary><see cref="ScopeKind.Any"/>, <see cref="ScopeKind.Eq"/> or <see cref="ScopeKind.In"/>.</summary>
    public ScopeKind Kind { get; }

    /// <summary>One entity for <c>==</c> and <c>in A</c>; any number for <c>in [..]</c>.</summary>
    public IReadOnlyList<EntityUid> Entities { get; }

    /// <summary>True when written as a list, <c>in [..]</c>.</summary>
    public bool IsList { get; }
}
