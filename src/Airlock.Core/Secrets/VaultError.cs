namespace Airlock.Core.Secrets;

/// <summary>Why a vault operation was refused; maps onto the admin API's problem codes.</summary>
public enum VaultError
{
    /// <summary>The name breaks the secret naming rules or is internal (422).</summary>
    InvalidName,

    /// <summary>The value is empty, too large or not valid UTF-16 text (422).</summary>
    InvalidValue,

    /// <summary>A secret with that name exists (409).</summary>
    AlreadyExists,

    /// <summary>No secret (or no such version) with that name (404).</summary>
    NotFound,

    /// <summary>A store failure or a conflict that retries did not resolve (500).</summary>
    Internal,
}
