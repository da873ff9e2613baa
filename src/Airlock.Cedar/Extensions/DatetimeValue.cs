using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>A Cedar <c>datetime</c>: an instant as signed milliseconds since 1970-01-01T00:00:00Z (no leap seconds).</summary>
[SuppressMessage("Design", "CA1036", Justification = "Value seals Equals(object) and already defines == and != as Cedar equality.")]
public sealed class DatetimeValue : ExtensionValue, IComparable<DatetimeValue>
{
    private const long MillisecondsPerDay = DurationParser.MillisecondsPerDay;

    // The constructor argument as written; computed values have none and display in canonical form.
    private readonly string? source;

    /// <summary>Creates a datetime <paramref name="epochMilliseconds"/> milliseconds after the Unix epoch.</summary>
    public DatetimeValue(long epochMilliseconds)
        : this(epochMilliseconds, null)
    {
    }

    private DatetimeValue(long epochMilliseconds, string? source)
    {
        EpochMilliseconds = epochMilliseconds;
        this.source = source;
    }

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z; negative before the epoch.</summary>
    public long EpochMilliseconds { get; }

    public override string TypeName => ExtensionTypeNames.Datetime;

    /// <summary>Parses a datetime literal with the reference's rules; false for any malformed or invalid text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DatetimeValue? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DatetimeParser.Parse(text, out var epoch) == DatetimeParseStatus.Ok)
        {
            value = new DatetimeValue(epoch, text);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Parses a datetime literal, throwing the reference's evaluation error when it is invalid.</summary>
    public static DatetimeValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var status = DatetimeParser.Parse(text, out var epoch);
        return status == DatetimeParseStatus.Ok
            ? new DatetimeValue(epoch, text)
            : throw ExtensionErrors.Failed(ExtensionTypeNames.Datetime, DatetimeParser.Describe(status, text));
    }

    /// <summary>Cedar <c>offset(duration)</c>: this instant moved by <paramref name="duration"/>; overflow is an evaluation error.</summary>
    public DatetimeValue Offset(DurationValue duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        var ms = duration.Milliseconds;
        var result = unchecked(EpochMilliseconds + ms);

        // Signed overflow happened when both operands share a sign the result lacks.
        if (((EpochMilliseconds ^ result) & (ms ^ result)) < 0)
        {
            throw ExtensionErrors.Failed(
                "offset",
                "overflows when adding an offset: " + ToCanonicalString() + "+(" + ms.ToString(CultureInfo.InvariantCulture) + "ms)");
        }

        return new DatetimeValue(result);
    }

    /// <summary>Cedar <c>durationSince(datetime)</c>: this instant minus <paramref name="other"/>; overflow is an evaluation error.</summary>
    public DurationValue DurationSince(DatetimeValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = unchecked(EpochMilliseconds - other.EpochMilliseconds);
        if (((EpochMilliseconds ^ other.EpochMilliseconds) & (EpochMilliseconds ^ result)) < 0)
        {
            throw ExtensionErrors.Failed(
                "durationSince",
                "overflows when computing the duration between " + ToCanonicalString() + " and " + other.ToCanonicalString());
        }

        return new DurationValue(result);
    }

    /// <summary>Cedar <c>toDate()</c>: midnight UTC of this instant's day, rounding down for instants before the epoch.</summary>
    public DatetimeValue ToDate()
    {
        var timeOfDay = TimeOfDayMilliseconds();

        // Only instants within a day of i64::MIN can fall below the representable range.
        if (EpochMilliseconds < long.MinValue + timeOfDay)
        {
            throw ExtensionErrors.Failed("toDate", "overflows when computing the date of " + ToCanonicalString());
        }

        return new DatetimeValue(EpochMilliseconds - timeOfDay);
    }

    /// <summary>Cedar <c>toTime()</c>: the time since midnight UTC, always in [0, 24h) even before the epoch.</summary>
    public DurationValue ToTime() => new(TimeOfDayMilliseconds());

    public int CompareTo(DatetimeValue? other) => other is null ? 1 : EpochMilliseconds.CompareTo(other.EpochMilliseconds);

    public override bool Equals(Value? other) => other is DatetimeValue d && d.EpochMilliseconds == EpochMilliseconds;

    public override int GetHashCode() => HashCode.Combine(ExtensionTypeNames.Datetime, EpochMilliseconds);

    /// <summary>Renders the value as the reference displays it: the original constructor call, or the canonical form for computed values.</summary>
    public override string ToString() => source is null ? ToCanonicalString() : "datetime(" + CedarString.Quote(source) + ")";

    /// <summary>Renders the reference's canonical form, <c>datetime("1970-01-01").offset(duration("&lt;ms&gt;ms"))</c>.</summary>
    public string ToCanonicalString() =>
        string.Create(CultureInfo.InvariantCulture, $"datetime(\"1970-01-01\").offset(duration(\"{EpochMilliseconds}ms\"))");

    public static bool operator <(DatetimeValue left, DatetimeValue right) => left.CompareTo(right) < 0;

    public static bool operator <=(DatetimeValue left, DatetimeValue right) => left.CompareTo(right) <= 0;

    public static bool operator >(DatetimeValue left, DatetimeValue right) => left.CompareTo(right) > 0;

    public static bool operator >=(DatetimeValue left, DatetimeValue right) => left.CompareTo(right) >= 0;

    // Euclidean remainder: in [0, one day) for negative instants too.
    private long TimeOfDayMilliseconds()
    {
        var rem = EpochMilliseconds % MillisecondsPerDay;
        return rem < 0 ? rem + MillisecondsPerDay : rem;
    }
}
