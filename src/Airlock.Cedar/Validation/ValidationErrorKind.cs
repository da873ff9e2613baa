namespace Airlock.Cedar.Validation;

/// <summary>The kinds of problem strict validation reports, mirroring the reference's error and warning kinds.</summary>
internal enum ValidationErrorKind
{
    UnrecognizedEntityType,
    UnrecognizedActionId,
    InvalidActionApplication,
    InvalidEnumEntity,
    UnexpectedType,
    IncompatibleTypes,
    UnsafeAttributeAccess,
    UnsafeOptionalAttributeAccess,
    UnsafeTagAccess,
    NoTagsAllowed,
    UndefinedFunction,
    WrongNumberArguments,
    FunctionArgumentValidation,
    EmptySetForbidden,
    NonLitExtConstructor,
    InternalInvariantViolation,

    /// <summary>Warning: the policy is false for every request the schema allows.</summary>
    ImpossiblePolicy,

    /// <summary>Warning: a string or pattern holds bidirectional-text control characters, which can disguise what it says.</summary>
    BidiCharsInString,

    /// <summary>Warning: an identifier (attribute, type name, entity id) holds bidirectional-text control characters.</summary>
    BidiCharsInIdentifier,
}
