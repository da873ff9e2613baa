namespace Airlock.Cedar.Differential.Generation;

/// <summary>Arguments for the extension constructors: each list ends with <see cref="InvalidPerList"/> invalid ones.</summary>
public static class ExtensionLiterals
{
    public const int InvalidPerList = 6;

    public static readonly IReadOnlyList<string> Decimal =
        ["0.0", "1.0", "-1.5", "12.3456", "0.1", "3.14", "-0.0001", "922337203685477.5807", "-922337203685477.5808", "1", "1.23456", "abc", ".5", "1.", "922337203685477.5808", "-"];

    public static readonly IReadOnlyList<string> IpAddr =
        ["0.0.0.0", "127.0.0.1", "10.0.0.1", "192.168.1.1/24", "10.0.0.0/8", "224.0.0.1", "::1", "::", "ff00::1", "2001:db8::/32", "::ffff:1.2.3.4", "1.2.3.256", "1.2.3", "::g", "10.0.0.1/33", "01.2.3.4", "1.2.3.4/ 8"];

    public static readonly IReadOnlyList<string> Datetime =
        ["2024-01-01", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999Z", "2024-06-01T12:00:00+0130", "2024-06-01T12:00:00.500-0800", "1969-12-31T23:59:59Z", "2024-13-01", "2023-02-29", "2024-01-01T24:00:00Z", "2024-1-1", "2024-01-01 00:00:00", "2024-01-01T00:00:00"];

    public static readonly IReadOnlyList<string> Duration =
        ["0ms", "1d", "-1d2h", "1h30m", "2m3s4ms", "-9223372036854775808ms", "9223372036854775807ms", "100000d", "1x", "1d1d", "", "1h1d", "d", "-"];

    /// <summary>The constructor's name: <c>ip</c> builds an <c>ipaddr</c>, the others share their type's name.</summary>
    public static string Constructor(string type) => type == "ipaddr" ? "ip" : type;

    public static IReadOnlyList<string> For(string type) => type switch
    {
        "decimal" => Decimal,
        "ipaddr" => IpAddr,
        "datetime" => Datetime,
        "duration" => Duration,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown extension type"),
    };

    /// <summary>A literal argument: mostly from the valid part of the list, sometimes any.</summary>
    public static string Pick(string type, Rng rng, double invalid)
    {
        var all = For(type);
        return rng.Chance(invalid) ? rng.Pick(all) : all[rng.Int(0, all.Count - InvalidPerList - 1)];
    }
}
