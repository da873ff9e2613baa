namespace Airlock.Cedar.Extensions;

/// <summary>Why a duration literal was rejected.</summary>
internal enum DurationParseStatus
{
    Ok,
    InvalidPattern,
    Overflow,
}
