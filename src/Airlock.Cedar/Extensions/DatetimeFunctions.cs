using Airlock.Cedar.Values;
using T = Airlock.Cedar.Extensions.ExtensionTypeNames;

namespace Airlock.Cedar.Extensions;

/// <summary>The <c>datetime</c> extension: the <c>datetime</c> and <c>duration</c> constructors and their methods.</summary>
internal static class DatetimeFunctions
{
    public static ExtensionFunction[] Create() =>
    [
        new("datetime", ExtensionCallStyle.Function, T.Datetime, [T.String],
            static args => DatetimeValue.Parse(ExtensionArguments.String(args[0])),
            static text => DatetimeValue.TryParse(text, out _)),
        new("duration", ExtensionCallStyle.Function, T.Duration, [T.String],
            static args => DurationValue.Parse(ExtensionArguments.String(args[0])),
            static text => DurationValue.TryParse(text, out _)),
        new("offset", ExtensionCallStyle.Method, T.Datetime, [T.Datetime, T.Duration], static args =>
        {
            var instant = ExtensionArguments.Datetime(args[0]);
            return instant.Offset(ExtensionArguments.Duration(args[1]));
        }),

        // Cedar 4.10's core table declares (datetime, duration) here by mistake; its validator and
        // evaluator both use (datetime, datetime), which is what 4.11 fixed the table to.
        new("durationSince", ExtensionCallStyle.Method, T.Duration, [T.Datetime, T.Datetime], static args =>
        {
            var instant = ExtensionArguments.Datetime(args[0]);
            return instant.DurationSince(ExtensionArguments.Datetime(args[1]));
        }),
        new("toDate", ExtensionCallStyle.Method, T.Datetime, [T.Datetime],
            static args => ExtensionArguments.Datetime(args[0]).ToDate()),
        new("toTime", ExtensionCallStyle.Method, T.Duration, [T.Datetime],
            static args => ExtensionArguments.Datetime(args[0]).ToTime()),
        new("toMilliseconds", ExtensionCallStyle.Method, T.Long, [T.Duration],
            static args => LongValue.Of(ExtensionArguments.Duration(args[0]).ToMilliseconds())),
        new("toSeconds", ExtensionCallStyle.Method, T.Long, [T.Duration],
            static args => LongValue.Of(ExtensionArguments.Duration(args[0]).ToSeconds())),
        new("toMinutes", ExtensionCallStyle.Method, T.Long, [T.Duration],
            static args => LongValue.Of(ExtensionArguments.Duration(args[0]).ToMinutes())),
        new("toHours", ExtensionCallStyle.Method, T.Long, [T.Duration],
            static args => LongValue.Of(ExtensionArguments.Duration(args[0]).ToHours())),
        new("toDays", ExtensionCallStyle.Method, T.Long, [T.Duration],
            static args => LongValue.Of(ExtensionArguments.Duration(args[0]).ToDays())),
    ];
}
