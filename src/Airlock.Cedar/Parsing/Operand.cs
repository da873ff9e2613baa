using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Parsing;

/// <summary>
/// What the parser holds between grammar levels before it knows how a construct is used. The reference
/// parser treats a bare variable, name, string or boolean specially in some positions (attribute names,
/// <c>like</c> patterns, <c>is</c> types, <c>has</c> right-hand sides), so those stay unconverted until needed.
/// </summary>
internal readonly struct Operand
{
    private Operand(OperandKind kind, Expr? expr, Var var, string? name, Token token, SourceSpan span)
    {
        Kind = kind;
        Expression = expr;
        Variable = var;
        Name = name;
        Token = token;
        Span = span;
    }

    public OperandKind Kind { get; }

    public Expr? Expression { get; }

    public Var Variable { get; }

    /// <summary>The qualified name, for <see cref="OperandKind.Name"/>.</summary>
    public string? Name { get; }

    /// <summary>The string or boolean token, for literals.</summary>
    public Token Token { get; }

    public SourceSpan Span { get; }

    public static Operand FromExpr(Expr e) => new(OperandKind.Expr, e, default, null, default, e.Span);

    public static Operand FromVar(Var v, SourceSpan span) => new(OperandKind.Var, null, v, null, default, span);

    public static Operand FromName(string name, SourceSpan span) => new(OperandKind.Name, null, default, name, default, span);

    public static Operand FromString(Token t) => new(OperandKind.String, null, default, null, t, new SourceSpan(t.Start, t.End));

    public static Operand FromBool(Token t) => new(OperandKind.Bool, null, default, null, t, new SourceSpan(t.Start, t.End));

    /// <summary>Converts to an expression, as the reference does where any expression is allowed.</summary>
    public Expr ToExpr(Parser parser) => parser.OperandToExpr(this);
}
