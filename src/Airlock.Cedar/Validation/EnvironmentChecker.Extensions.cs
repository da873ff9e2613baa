using Airlock.Cedar.Ast;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>Extension function and method calls.</summary>
internal sealed partial class EnvironmentChecker
{
    private Answer CheckExtensionCall(CapabilitySet prior, ExtensionCallExpr e)
    {
        if (!ExtensionRegistry.TryGet(e.Name, out var function))
        {
            ReportIssue(ValidationErrorKind.UndefinedFunction, e.Span, $"undefined extension function: {e.Name}");
            CheckAll(prior, e.Arguments);
            return Answer.Fail(null);
        }

        var returnType = TypeOfName(function.ReturnType);
        var failed = false;
        if (e.Arguments.Count != function.Arity)
        {
            ReportIssue(ValidationErrorKind.WrongNumberArguments, e.Span,
                $"wrong number of arguments in extension function application. Expected {function.Arity}, got {e.Arguments.Count}");
            failed = true;
        }

        // A constructor applied to a string literal is evaluated now, so a malformed literal is caught here.
        if (function.IsConstructor && e.Arguments is [LiteralExpr { Value: StringValue text }] && !function.AcceptsLiteral(text.Value))
        {
            ReportIssue(ValidationErrorKind.FunctionArgumentValidation, e.Span,
                $"error during extension function argument validation: Failed to parse as {Describe(function.ReturnType)}: `{CedarString.Quote(text.Value)}`");
            failed = true;
        }

        if (function.IsConstructor && !e.Arguments.All(a => BoolFolding.LiteralOf(a) is not null))
        {
            ReportIssue(ValidationErrorKind.NonLitExtConstructor, e.Span,
                "extension constructors may not be called with non-literal expressions",
                "consider applying extension constructors inside attribute values when constructing entity or context data");
            failed = true;
        }

        if (failed)
        {
            CheckAll(prior, e.Arguments);
            return Answer.Fail(returnType);
        }

        var allOk = true;
        for (var i = 0; i < e.Arguments.Count; i++)
        {
            allOk &= ExpectType(prior, e.Arguments[i], TypeOfName(function.ArgumentTypes[i])).Ok;
        }

        return allOk ? Answer.Success(returnType) : Answer.Fail(returnType);
    }

    private void CheckAll(CapabilitySet prior, IReadOnlyList<Expr> arguments)
    {
        foreach (var argument in arguments)
        {
            Check(prior, argument);
        }
    }

    private static string Describe(string extensionType) =>
        extensionType == ExtensionTypeNames.IpAddr ? "IP address" : $"a {extensionType} value";

    private static readonly Dictionary<string, CedarType> ExtensionTypes = new(StringComparer.Ordinal)
    {
        [ExtensionTypeNames.Decimal] = new ExtensionType(ExtensionTypeNames.Decimal),
        [ExtensionTypeNames.IpAddr] = new ExtensionType(ExtensionTypeNames.IpAddr),
        [ExtensionTypeNames.Datetime] = new ExtensionType(ExtensionTypeNames.Datetime),
        [ExtensionTypeNames.Duration] = new ExtensionType(ExtensionTypeNames.Duration),
    };

    private static CedarType TypeOfName(string name) => name switch
    {
        ExtensionTypeNames.Bool => BoolType.AnyBool,
        ExtensionTypeNames.Long => LongType.Instance,
        ExtensionTypeNames.String => StringType.Instance,
        _ => ExtensionTypes.TryGetValue(name, out var type) ? type : new ExtensionType(name),
    };
}
