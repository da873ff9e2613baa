namespace Airlock.Cedar.Extensions;

/// <summary>Why a decimal literal was rejected, in the reference's order of checks.</summary>
internal enum DecimalParseStatus
{
    Ok,
    Malformed,
    TooManyDigits,
    Overflow,
}
