namespace Airlock.Cedar.Ast;

/// <summary>The forms a principal or resource scope constraint can take.</summary>
public enum ScopeKind
{
    /// <summary>No constraint: <c>principal</c>.</summary>
    Any,

    /// <summary><c>principal == E</c>.</summary>
    Eq,

    /// <summary><c>principal in E</c>.</summary>
    In,

    /// <summary><c>principal is T</c>.</summary>
    Is,

    /// <summary><c>principal is T in E</c>.</summary>
    IsIn,
}
