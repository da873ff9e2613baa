namespace Airlock.Cedar.Parsing;

/// <summary>The kinds of <see cref="Operand"/>.</summary>
internal enum OperandKind
{
    Expr,
    Var,
    Name,
    String,
    Bool,
}
