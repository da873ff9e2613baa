namespace Airlock.Cedar.Values;

/// <summary>A value of an extension type (<c>decimal</c>, <c>ipaddr</c>, <c>datetime</c>, <c>duration</c>).</summary>
public abstract class ExtensionValue : Value
{
    /// <summary>The extension type name as written in schemas, for example <c>decimal</c>.</summary>
    public abstract string TypeName { get; }

    public sealed override ValueKind Kind => ValueKind.Extension;
}
