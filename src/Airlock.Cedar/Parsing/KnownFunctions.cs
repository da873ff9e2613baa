using Airlock.Cedar.Extensions;

namespace Airlock.Cedar.Parsing;

/// <summary>The extension function names the parser recognizes, split by call style.</summary>
internal static class KnownFunctions
{
    public static bool IsFunction(string name) => ExtensionRegistry.TryGet(name, out var f) && !f.IsMethod;

    public static bool IsMethod(string name) => ExtensionRegistry.TryGet(name, out var f) && f.IsMethod;
}
