namespace Airlock.Cli.AdminApi.Models;

/// <summary>A service's credential binding, as echoed by the gateway: the kind and its template text, never a value.</summary>
internal sealed record CredentialInfo(
    string Kind,
    string? Header = null,
    string? Parameter = null,
    string? Template = null,
    string? UsernameTemplate = null,
    string? PasswordTemplate = null,
    string? TokenUrl = null,
    string? ClientId = null,
    string? ClientSecretName = null,
    IReadOnlyList<string>? Scopes = null,
    string? Audience = null)
{
    /// <summary>The binding in the <c>--inject</c> syntax that would create it.</summary>
    public string ToInjectSpec() => Kind switch
    {
        "none" => "none",
        "header" => $"header:{Header}={Template}",
        "query" => $"query:{Parameter}={Template}",
        "basic" => $"basic:username={UsernameTemplate};password={PasswordTemplate}",
        "oauth2_client_credentials" => $"oauth2:token_url={TokenUrl};client_id={ClientId};client_secret={ClientSecretName}" +
            (Scopes is { Count: > 0 } ? $";scope={string.Join(' ', Scopes)}" : "") +
            (Audience is null ? "" : $";audience={Audience}"),
        _ => Kind,
    };
}
