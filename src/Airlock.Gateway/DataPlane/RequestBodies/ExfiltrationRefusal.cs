using Airlock.Core.Leaks;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane.RequestBodies;

/// <summary>How a request carrying a held secret is refused, wherever in the request the secret was found.</summary>
internal static class ExfiltrationRefusal
{
    public static ApiProblem Problem => new(
        403,
        "exfiltration",
        "The request carries a secret",
        "the request contains a credential Airlock holds; it was refused so the credential cannot leave. Send the request without it: Airlock adds the credential itself.");

    /// <summary>The audit record's errors: which secrets, by name.</summary>
    public static IReadOnlyList<string> Reasons(ExfiltrationCheck check) => [.. check.SecretNames.Select(n => "exfiltration:" + n)];
}
