namespace Airlock.Cedar.Conformance.Checking;

/// <summary>What went wrong in a failed check; the report groups failures by these.</summary>
public enum FailureKind
{
    /// <summary>The test JSON is malformed or names a missing file.</summary>
    TestFile,

    /// <summary>The policy file did not parse.</summary>
    PolicyParse,

    /// <summary>The schema did not parse.</summary>
    SchemaParse,

    /// <summary>The entities did not parse against the schema.</summary>
    EntitiesParse,

    /// <summary>Strict validation disagreed with <c>shouldValidate</c>.</summary>
    Validation,

    /// <summary>A request's principal, action or resource is not an entity reference.</summary>
    RequestParse,

    /// <summary>A request's context did not parse against the schema.</summary>
    ContextParse,

    /// <summary>A request with <c>validateRequest</c> failed request validation.</summary>
    RequestValidation,

    /// <summary>The decision differs.</summary>
    Decision,

    /// <summary>The set of determining policies differs.</summary>
    Reason,

    /// <summary>The set of erroring policies differs.</summary>
    Errors,

    /// <summary>The engine threw an unexpected exception (or the oracle crashed).</summary>
    EngineCrash,
}
