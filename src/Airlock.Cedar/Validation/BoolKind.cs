namespace Airlock.Cedar.Validation;

/// <summary>Which booleans a boolean type admits.</summary>
internal enum BoolKind
{
    /// <summary>Both <c>true</c> and <c>false</c>.</summary>
    Any,

    /// <summary>Only <c>true</c>.</summary>
    True,

    /// <summary>Only <c>false</c>.</summary>
    False,
}
