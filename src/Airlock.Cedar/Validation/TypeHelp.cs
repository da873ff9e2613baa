namespace Airlock.Cedar.Validation;

/// <summary>The hints attached to unexpected-type errors, worded like the reference's.</summary>
internal static class TypeHelp
{
    public const string TryUsingLike = "try using `like` to examine the contents of a string";
    public const string TryUsingContains = "try using `contains`, `containsAny`, or `containsAll` to examine the contents of a set";
    public const string TryUsingSingleContains = "try using `contains` to test if a single element is in a set";
    public const string TryUsingHas = "try using `has` to test for an attribute";
    public const string TryUsingIs = "try using `is` to test for an entity type";
    public const string TryUsingIn = "try using `in` for entity hierarchy membership";
    public const string TryUsingEqEmptyString = "try using `== \"\"` to test if a string is empty";
    public const string TypeTestNotSupported = "Cedar only supports run time type tests for entities";
    public const string ConcatenationNotSupported = "Cedar does not support string concatenation";
    public const string SetOperationsNotSupported = "Cedar does not support computing the union, intersection, or difference of sets";

    public static string Describe(LubHelp help) => help switch
    {
        LubHelp.AttributeQualifier => "Corresponding attributes of compatible record types must have the same optionality, either both being required or both being optional",
        LubHelp.RecordWidth => "Compatible record types must have exactly the same attributes",
        LubHelp.EntityType => "Different entity types are never compatible even when their attributes would be compatible",
        LubHelp.EntityRecord => "Entity and record types are never compatible even when their attributes would be compatible",
        _ => "Types must be exactly equal to be compatible",
    };

    public static string Describe(LubContext context) => context switch
    {
        LubContext.Set => "elements of a set",
        LubContext.Conditional => "both branches of a conditional",
        LubContext.Equality => "both operands to a `==` expression",
        LubContext.Contains => "elements of the first operand and the second operand to a `contains` expression",
        LubContext.ContainsAnyAll => "elements of both set operands to a `containsAll` or `containsAny` expression",
        _ => "tag types for a `.getTag()` operation",
    };
}
