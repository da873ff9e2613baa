namespace Airlock.Cedar.Extensions;

/// <summary>Why an IP literal was rejected, in the reference's order of checks.</summary>
internal enum IpAddrParseStatus
{
    Ok,
    TooLong,
    EmbeddedIpv4,
    InvalidAddress,
    InvalidAddressBeforePrefix,
    PrefixTooLong,
    PrefixNonDigit,
    PrefixLeadingZero,
    PrefixEmpty,
    PrefixNotByte,
    PrefixAboveLimit,
}
