namespace Airlock.Cedar.Validation;

/// <summary>Where two types were required to be compatible.</summary>
internal enum LubContext
{
    Set,
    Conditional,
    Equality,
    Contains,
    ContainsAnyAll,
    GetTag,
}
