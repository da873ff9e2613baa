using System.Text.Json.Serialization;

namespace Airlock.Core.Services;

/// <summary>
/// Where a service's credential goes on the outbound call. Templates reference vault secrets as
/// <c>{{secret:NAME}}</c>; only the template text is stored here, never a value.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NoCredential), "none")]
[JsonDerivedType(typeof(HeaderCredential), "header")]
[JsonDerivedType(typeof(QueryCredential), "query")]
[JsonDerivedType(typeof(BasicCredential), "basic")]
[JsonDerivedType(typeof(OAuth2ClientCredentials), "oauth2_client_credentials")]
public abstract record CredentialBinding;

/// <summary>The upstream needs no credential.</summary>
public sealed record NoCredential : CredentialBinding;

/// <summary>A header whose value is <see cref="Template"/>, e.g. <c>Bearer {{secret:github_token}}</c>.</summary>
public sealed record HeaderCredential(string Header, string Template) : CredentialBinding;

/// <summary>A query parameter whose value is <see cref="Template"/>.</summary>
public sealed record QueryCredential(string Parameter, string Template) : CredentialBinding;

/// <summary>HTTP basic authentication from two templates.</summary>
public sealed record BasicCredential(string UsernameTemplate, string PasswordTemplate) : CredentialBinding;

/// <summary>
/// OAuth 2.0 client credentials (RFC 6749 §4.4): Airlock obtains an access token from <see cref="TokenUrl"/>
/// with the client secret held in the vault, caches it and refreshes it before it expires, and sends it as a
/// bearer token.
/// </summary>
public sealed record OAuth2ClientCredentials(
    Uri TokenUrl,
    string ClientId,
    string ClientSecretName,
    IReadOnlyList<string> Scopes,
    string? Audience) : CredentialBinding;
