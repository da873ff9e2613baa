namespace Airlock.Cedar.Extensions;

/// <summary>How an extension function is written in policy text.</summary>
public enum ExtensionCallStyle
{
    /// <summary>Called as <c>name(args)</c>, for example <c>decimal("1.0")</c>.</summary>
    Function,

    /// <summary>Called as <c>receiver.name(args)</c>; the receiver is the first argument.</summary>
    Method,
}
