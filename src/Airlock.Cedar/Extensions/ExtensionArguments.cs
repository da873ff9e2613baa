using Airlock.Cedar.Values;

namespace Airlock.Cedar.Extensions;

/// <summary>Argument checks shared by the extension function bodies; each throws the reference's type error.</summary>
internal static class ExtensionArguments
{
    public static DecimalValue Decimal(Value value) =>
        value as DecimalValue ?? throw ExtensionErrors.TypeMismatch(ExtensionTypeNames.Decimal, value);

    public static IpAddrValue IpAddr(Value value) =>
        value as IpAddrValue ?? throw ExtensionErrors.TypeMismatch(ExtensionTypeNames.IpAddr, value);

    public static DatetimeValue Datetime(Value value) =>
        value as DatetimeValue ?? throw ExtensionErrors.TypeMismatch(ExtensionTypeNames.Datetime, value);

    public static DurationValue Duration(Value value) =>
        value as DurationValue ?? throw ExtensionErrors.TypeMismatch(ExtensionTypeNames.Duration, value);

    public static string String(Value value) =>
        value is StringValue s ? s.Value : throw ExtensionErrors.TypeMismatch("string", value);
}
