using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>
/// Every Cedar 4.10 extension function by name. Names are unique across extensions in Cedar
/// (the reference refuses duplicates), so a name alone resolves the function; nothing is overloaded.
/// </summary>
internal static class ExtensionRegistry
{
    private static readonly ExtensionFunction[] Functions =
        [.. DecimalFunctions.Create(), .. IpAddrFunctions.Create(), .. DatetimeFunctions.Create()];

    private static readonly FrozenDictionary<string, ExtensionFunction> ByName =
        Functions.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ExtensionFunction>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, ExtensionFunction> ConstructorsByType =
        Functions.Where(f => f.IsConstructor).ToFrozenDictionary(f => f.ReturnType, StringComparer.Ordinal);

    /// <summary>All extension functions.</summary>
    public static IReadOnlyList<ExtensionFunction> All => Functions;

    /// <summary>Looks up an extension function by its name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out ExtensionFunction? function) =>
        ByName.TryGetValue(name, out function);

    /// <summary>Looks up an extension function by a name still inside the source text.</summary>
    public static bool TryGet(ReadOnlySpan<char> name, [NotNullWhen(true)] out ExtensionFunction? function) =>
        ByNameSpan.TryGetValue(name, out function);

    /// <summary>The single-string constructor producing <paramref name="typeName"/> (for example <c>ip</c> for <c>ipaddr</c>).</summary>
    public static bool TryGetConstructor(string typeName, [NotNullWhen(true)] out ExtensionFunction? constructor) =>
        ConstructorsByType.TryGetValue(typeName, out constructor);

    /// <summary>
    /// Compares two values for Cedar's <c>&lt;</c> and <c>&lt;=</c> (and so <c>&gt;</c>, <c>&gt;=</c>) when both are
    /// datetimes or both are durations; false for every other pairing, including decimal and ipaddr.
    /// </summary>
    public static bool TryCompare(Value left, Value right, out int comparison)
    {
        switch (left)
        {
            case DatetimeValue a when right is DatetimeValue b:
                comparison = a.CompareTo(b);
                return true;
            case DurationValue a when right is DurationValue b:
                comparison = a.CompareTo(b);
                return true;
            default:
                comparison = 0;
                return false;
        }
    }
}
