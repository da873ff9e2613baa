namespace Airlock.Cedar.Ast;

/// <summary>A <c>when { … }</c> or <c>unless { … }</c> clause.</summary>
public sealed record Condition(bool IsWhen, Expr Body, SourceSpan Span);
