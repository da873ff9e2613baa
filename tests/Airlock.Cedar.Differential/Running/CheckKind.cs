namespace Airlock.Cedar.Differential.Running;

/// <summary>The kinds of checks both engines answer.</summary>
public enum CheckKind
{
    /// <summary>Whether the schema parses.</summary>
    Schema,

    /// <summary>Whether the policy text parses, and into how many policies and templates.</summary>
    Parse,

    /// <summary>Whether the policies pass strict validation against the schema.</summary>
    Validate,

    /// <summary>The decision, determining policies and erroring policies of a request (or that it is rejected).</summary>
    Authorize,
}
