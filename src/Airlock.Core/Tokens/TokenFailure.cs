namespace Airlock.Core.Tokens;

/// <summary>Why a session token was refused.</summary>
public enum TokenFailure
{
    /// <summary>Not three base64url parts of JSON with the required members.</summary>
    Malformed,

    /// <summary>Longer than <see cref="TokenOptions.MaxTokenBytes"/>; refused before parsing.</summary>
    TooLarge,

    /// <summary>The header's <c>alg</c> is not ES256.</summary>
    BadAlgorithm,

    /// <summary>The header's <c>typ</c> is not <c>airlock-session+jwt</c>.</summary>
    BadType,

    /// <summary>The <c>kid</c> names no key of the ring, or one past its verification window.</summary>
    UnknownKey,

    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    Revoked,
    AgentDisabled,
    UnknownSession,
}
