namespace Airlock.Cedar.Ast;

/// <summary>The request variables.</summary>
public enum Var
{
    Principal,
    Action,
    Resource,
    Context,
}

/// <summary>Template slots.</summary>
public enum SlotId
{
    Principal,
    Resource,
}

/// <summary>Unary operators.</summary>
public enum UnaryOp
{
    Not,
    Neg,
    IsEmpty,
}

/// <summary>Binary operators and built-in binary methods.</summary>
public enum BinaryOp
{
    Eq,
    NotEq,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Add,
    Sub,
    Mul,
    In,
    Contains,
    ContainsAll,
    ContainsAny,
    GetTag,
    HasTag,
}

/// <summary>Whether a policy permits or forbids.</summary>
public enum Effect
{
    Permit,
    Forbid,
}
