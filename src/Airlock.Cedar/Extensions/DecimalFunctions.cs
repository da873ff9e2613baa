using Airlock.Cedar.Values;
using T = Airlock.Cedar.Extensions.ExtensionTypeNames;

namespace Airlock.Cedar.Extensions;

/// <summary>The <c>decimal</c> extension: its constructor and its four comparison methods.</summary>
internal static class DecimalFunctions
{
    public static ExtensionFunction[] Create() =>
    [
        new("decimal", ExtensionCallStyle.Function, T.Decimal, [T.String],
            static args => DecimalValue.Parse(ExtensionArguments.String(args[0])),
            static text => DecimalValue.TryParse(text, out _)),
        Comparison("lessThan", static c => c < 0),
        Comparison("lessThanOrEqual", static c => c <= 0),
        Comparison("greaterThan", static c => c > 0),
        Comparison("greaterThanOrEqual", static c => c >= 0),
    ];

    // Cedar 4.x does not overload <, <= etc. for decimal; these methods are the only way to compare.
    private static ExtensionFunction Comparison(string name, Func<int, bool> test) =>
        new(name, ExtensionCallStyle.Method, T.Bool, [T.Decimal, T.Decimal], args =>
        {
            var left = ExtensionArguments.Decimal(args[0]);
            var right = ExtensionArguments.Decimal(args[1]);
            return BoolValue.Of(test(left.ScaledValue.CompareTo(right.ScaledValue)));
        });
}
