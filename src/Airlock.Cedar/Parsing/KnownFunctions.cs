namespace Airlock.Cedar.Parsing;

/// <summary>The extension function names the parser recognizes, split by call style.</summary>
internal static class KnownFunctions
{
    private static readonly HashSet<string> Functions = ["decimal", "ip", "datetime", "duration"];

    private static readonly HashSet<string> Methods =
    [
        "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual",
        "isIpv4", "isIpv6", "isLoopback", "isMulticast", "isInRange",
        "offset", "durationSince", "toDate", "toTime",
        "toMilliseconds", "toSeconds", "toMinutes", "toHours", "toDays",
    ];

    public static bool IsFunction(string name) => Functions.Contains(name);

    public static bool IsMethod(string name) => Methods.Contains(name);
}
