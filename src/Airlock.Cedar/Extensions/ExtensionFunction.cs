using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>One Cedar extension function: its signature for the type checker and its implementation for the evaluator.</summary>
public sealed class ExtensionFunction
{
    private readonly string[] argumentTypes;
    private readonly ExtensionInvoker body;
    private readonly Func<string, bool>? literalCheck;

    internal ExtensionFunction(
        string name,
        ExtensionCallStyle style,
        string returnType,
        string[] argumentTypes,
        ExtensionInvoker body,
        Func<string, bool>? literalCheck = null)
    {
        Name = name;
        Style = style;
        ReturnType = returnType;
        this.argumentTypes = argumentTypes;
        ArgumentTypes = Array.AsReadOnly(argumentTypes);
        this.body = body;
        this.literalCheck = literalCheck;
    }

    /// <summary>The function name as written in policies, for example <c>isInRange</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the function is called as <c>f(x)</c> or as <c>x.f()</c>.</summary>
    public ExtensionCallStyle Style { get; }

    /// <summary>True for method-style functions, whose receiver is the first argument.</summary>
    public bool IsMethod => Style == ExtensionCallStyle.Method;

    /// <summary>The number of arguments, counting a method's receiver.</summary>
    public int Arity => argumentTypes.Length;

    /// <summary>Argument type names (<c>decimal</c>, <c>ipaddr</c>, <c>datetime</c>, <c>duration</c>, <c>Bool</c>, <c>Long</c>, <c>String</c>), receiver first.</summary>
    public IReadOnlyList<string> ArgumentTypes { get; }

    /// <summary>The result type name, in the same vocabulary as <see cref="ArgumentTypes"/>.</summary>
    public string ReturnType { get; }

    /// <summary>True for the four single-string constructors (<c>decimal</c>, <c>ip</c>, <c>datetime</c>, <c>duration</c>).</summary>
    public bool IsConstructor => literalCheck is not null;

    /// <summary>
    /// For constructors, whether <paramref name="literal"/> is a valid argument (what the validator checks for
    /// string literals); always true for other functions.
    /// </summary>
    public bool AcceptsLiteral(string literal) => literalCheck is null || literalCheck(literal);

    /// <summary>Applies the function; wrong arity, wrong argument types and invalid input throw <see cref="Evaluation.EvaluationException"/>.</summary>
    public Value Invoke(ReadOnlySpan<Value> args) =>
        args.Length == argumentTypes.Length ? body(args) : throw ExtensionErrors.WrongArity(Name, argumentTypes.Length, args.Length);

    public override string ToString() => (IsMethod ? "." : string.Empty) + Name + "(" + string.Join(", ", argumentTypes) + ") -> " + ReturnType;
}
