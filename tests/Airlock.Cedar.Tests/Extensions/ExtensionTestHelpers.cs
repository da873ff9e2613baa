using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Extensions;

/// <summary>Shortcuts for calling extension functions the way the evaluator does.</summary>
internal static class ExtensionTestHelpers
{
    public static Value Call(string name, params Value[] args)
    {
        Assert.True(ExtensionRegistry.TryGet(name, out var function), name);
        return function.Invoke(args);
    }

    public static bool CallBool(string name, params Value[] args) => Assert.IsType<BoolValue>(Call(name, args)).Value;

    public static long CallLong(string name, params Value[] args) => Assert.IsType<LongValue>(Call(name, args)).Value;

    public static StringValue Str(string text) => new(text);

    public static DecimalValue Dec(string text) => DecimalValue.Parse(text);

    public static IpAddrValue Ip(string text) => IpAddrValue.Parse(text);

    public static DatetimeValue Dt(string text) => DatetimeValue.Parse(text);

    public static DurationValue Dur(string text) => DurationValue.Parse(text);
}
