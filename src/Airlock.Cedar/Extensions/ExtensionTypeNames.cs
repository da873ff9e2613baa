namespace Airlock.Cedar.Extensions;

/// <summary>The simple type names used in extension function signatures.</summary>
public static class ExtensionTypeNames
{
    public const string Decimal = "decimal";
    public const string IpAddr = "ipaddr";
    public const string Datetime = "datetime";
    public const string Duration = "duration";
    public const string Bool = "Bool";
    public const string Long = "Long";
    public const string String = "String";

    /// <summary>True for the four extension type names (not the primitive ones).</summary>
    public static bool IsExtensionType(string name) =>
        name is Decimal or IpAddr or Datetime or Duration;

    /// <summary>
    /// True when Cedar's <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> accept two values of this extension type.
    /// </summary>
    // Cedar 4.x only overloads the comparison operators for datetime and duration;
    // decimal keeps its lessThan/greaterThan methods and ipaddr is unordered.
    public static bool SupportsComparisonOperators(string name) => name is Datetime or Duration;
}
