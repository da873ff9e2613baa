namespace Airlock.Cedar.Extensions;

/// <summary>Why a datetime literal was rejected, in the reference's order of checks.</summary>
internal enum DatetimeParseStatus
{
    Ok,
    InvalidDatePattern,
    InvalidDate,
    InvalidTimePattern,
    InvalidTime,
    InvalidMillisecondsOrOffsetPattern,
    InvalidOffset,
}
