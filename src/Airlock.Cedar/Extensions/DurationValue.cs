using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>A Cedar <c>duration</c>: a signed number of milliseconds.</summary>
[SuppressMessage("Design", "CA1036", Justification = "Value seals Equals(object) and already defines == and != as Cedar equality.")]
public sealed class DurationValue : ExtensionValue, IComparable<DurationValue>
{
    // The constructor argument as written; the reference displays a value as the call that made it.
    private readonly string? source;

    /// <summary>Creates a duration of <paramref name="milliseconds"/> milliseconds.</summary>
    public DurationValue(long milliseconds)
        : this(milliseconds, null)
    {
    }

    private DurationValue(long milliseconds, string? source)
    {
        Milliseconds = milliseconds;
        this.source = source;
    }

    /// <summary>The length of the duration in milliseconds; negative durations are allowed.</summary>
    public long Milliseconds { get; }

    public override string TypeName => ExtensionTypeNames.Duration;

    /// <summary>Parses a duration literal with the reference's rules; false for any malformed or out-of-range text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DurationValue? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DurationParser.Parse(text, out var ms) == DurationParseStatus.Ok)
        {
            value = new DurationValue(ms, text);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Parses a duration literal, throwing the reference's evaluation error when it is invalid.</summary>
    public static DurationValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var status = DurationParser.Parse(text, out var ms);
        return status == DurationParseStatus.Ok
            ? new DurationValue(ms, text)
            : throw ExtensionErrors.Failed(ExtensionTypeNames.Duration, DurationParser.Describe(status));
    }

    /// <summary>Cedar <c>toMilliseconds()</c>.</summary>
    public long ToMilliseconds() => Milliseconds;

    /// <summary>Cedar <c>toSeconds()</c>: whole seconds, truncated toward zero.</summary>
    public long ToSeconds() => Milliseconds / DurationParser.MillisecondsPerSecond;

    /// <summary>Cedar <c>toMinutes()</c>: whole minutes, truncated toward zero.</summary>
    public long ToMinutes() => Milliseconds / DurationParser.MillisecondsPerMinute;

    /// <summary>Cedar <c>toHours()</c>: whole hours, truncated toward zero.</summary>
    public long ToHours() => Milliseconds / DurationParser.MillisecondsPerHour;

    /// <summary>Cedar <c>toDays()</c>: whole days, truncated toward zero.</summary>
    public long ToDays() => Milliseconds / DurationParser.MillisecondsPerDay;

    public int CompareTo(DurationValue? other) => other is null ? 1 : Milliseconds.CompareTo(other.Milliseconds);

    public override bool Equals(Value? other) => other is DurationValue d && d.Milliseconds == Milliseconds;

    public override int GetHashCode() => HashCode.Combine(ExtensionTypeNames.Duration, Milliseconds);

    /// <summary>Renders the constructor call as the reference displays it, keeping the original argument text.</summary>
    public override string ToString() => source is null ? ToCanonicalString() : "duration(" + CedarString.Quote(source) + ")";

    /// <summary>Renders the normalised constructor call, for example <c>duration("3600000ms")</c>.</summary>
    public string ToCanonicalString() =>
        string.Create(CultureInfo.InvariantCulture, $"duration(\"{Milliseconds}ms\")");

    public static bool operator <(DurationValue left, DurationValue right) => left.CompareTo(right) < 0;

    public static bool operator <=(DurationValue left, DurationValue right) => left.CompareTo(right) <= 0;

    public static bool operator >(DurationValue left, DurationValue right) => left.CompareTo(right) > 0;

    public static bool operator >=(DurationValue left, DurationValue right) => left.CompareTo(right) >= 0;
}
