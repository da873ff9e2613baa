namespace Airlock.Cedar;

/// <summary>The outcome of an authorization request.</summary>
public enum Decision
{
    Deny,
    Allow,
}
