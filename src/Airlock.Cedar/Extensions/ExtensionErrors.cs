using System.Globalization;
using Airlock.Cedar.Evaluation;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>Builds evaluation errors worded like the reference implementation's.</summary>
internal static class ExtensionErrors
{
    /// <summary>An error raised inside an extension function, attributed to <paramref name="extension"/>.</summary>
    public static EvaluationException Failed(string extension, string message) =>
        new("error while evaluating `" + extension + "` extension function: " + message);

    public static EvaluationException TypeMismatch(string expected, Value actual) =>
        new("type error: expected " + expected + ", got " + TypeOf(actual));

    public static EvaluationException WrongArity(string function, int expected, int actual) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"wrong number of arguments provided to extension function `{function}`: expected {expected}, got {actual}"));

    /// <summary>The runtime type of a value as Cedar names it in type errors.</summary>
    public static string TypeOf(Value value) => value switch
    {
        BoolValue => "bool",
        LongValue => "long",
        StringValue => "string",
        SetValue => "set",
        RecordValue => "record",
        EntityValue e => "(entity of type `" + e.Uid.Type + "`)",
        ExtensionValue x => x.TypeName,
        _ => value.Kind.ToString(),
    };
}
