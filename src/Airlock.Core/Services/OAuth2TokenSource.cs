using System.Collections.Concurrent;

namespace Airlock.Core.Services;

/// <summary>
/// Obtains OAuth 2.0 access tokens with the client credentials grant (RFC 6749 §4.4) and caches one per service.
/// A token is refreshed in the background once less than max(30 s, 10% of its lifetime) remains, while callers keep
/// using the current one; only an expired token makes callers wait. Concurrent callers for one service share a single
/// request to the token endpoint. A failed fetch is remembered for <see cref="OAuth2TokenSourceOptions.FailureBackoff"/>
/// only. Thread-safe; create one per gateway.
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> is the gateway's: its handler must have <c>AllowAutoRedirect = false</c> (a redirect
/// would carry the client credentials, or the grant, to a URL nobody registered; a 3xx answer is reported as a
/// failure) and no cookie container. Its own <see cref="HttpClient.Timeout"/> should be at least
/// <see cref="OAuth2TokenSourceOptions.FetchTimeout"/>; the fetch timeout is enforced here.
/// </remarks>
public sealed partial class OAuth2TokenSource
{
    private readonly HttpClient _http;
    private readonly ISecretResolver _secrets;
    private readonly TimeProvider _time;
    private readonly OAuth2TokenSourceOptions _options;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public OAuth2TokenSource(HttpClient httpClient, ISecretResolver secrets, TimeProvider? timeProvider = null, OAuth2TokenSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(secrets);
        _options = options ?? new OAuth2TokenSourceOptions();
        _options.Validate();
        _http = httpClient;
        _secrets = secrets;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// An access token for <paramref name="serviceName"/>, from the cache when one is fresh. Throws
    /// <see cref="CredentialUnavailableException"/> when none can be obtained; <paramref name="ct"/> only stops this
    /// caller's wait, never a fetch that other callers share.
    /// </summary>
    public ValueTask<string> GetAccessTokenAsync(string serviceName, OAuth2ClientCredentials binding, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentNullException.ThrowIfNull(binding);
        if (!HttpSyntax.IsAcceptableTokenUrl(binding.TokenUrl, out var urlError))
        {
            var shown = binding.TokenUrl is null ? "(none)" : HttpSyntax.ForDisplay(binding.TokenUrl);
            throw new CredentialUnavailableException($"service `{serviceName}`: the token URL {shown} {urlError}");
        }

        var identity = BindingIdentity.Of(binding);
        if (!_slots.TryGetValue(serviceName, out var slot) || slot.Identity != identity)
        {
            // A changed binding (other token URL, client, secret or scopes) starts afresh; the old slot is dropped.
            slot = _slots.AddOrUpdate(
                serviceName,
                static (_, id) => new Slot(id),
                static (_, existing, id) => existing.Identity == id ? existing : new Slot(id),
                identity);
        }

        Task<FetchOutcome> fetch;
        lock (slot.Gate)
        {
            var now = _time.GetUtcNow();
            var token = slot.Token;
            var failing = slot.FailureMessage is not null && now < slot.FailureUntil;
            if (token is not null && now < token.UsableUntil)
            {
                if (now >= token.RefreshAt && slot.Fetch is null && !failing)
                {
                    slot.Fetch = StartFetch(slot, serviceName, binding);
                }

                return ValueTask.FromResult(token.Value);
            }

            if (failing)
            {
                throw new CredentialUnavailableException(slot.FailureMessage!);
            }

            fetch = slot.Fetch ??= StartFetch(slot, serviceName, binding);
        }

        return AwaitFetchAsync(fetch, ct);
    }

    /// <summary>
    /// Drops the cached token of <paramref name="serviceName"/>, e.g. when the service is deleted or its upstream
    /// rejected the token (revoked before its expiry). The next call fetches a new one.
    /// </summary>
    public void Invalidate(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        _slots.TryRemove(serviceName, out _);
    }

    private static async ValueTask<string> AwaitFetchAsync(Task<FetchOutcome> fetch, CancellationToken ct)
    {
        var outcome = await fetch.WaitAsync(ct).ConfigureAwait(false);
        return outcome.Token?.Value ?? throw new CredentialUnavailableException(outcome.FailureMessage!);
    }

    // Called under slot.Gate. The timeout starts now, synchronously, so that it is armed before any caller waits.
    private Task<FetchOutcome> StartFetch(Slot slot, string serviceName, OAuth2ClientCredentials binding)
    {
        var timeout = new CancellationTokenSource(_options.FetchTimeout, _time);
        return Task.Run(() => FetchAndStoreAsync(slot, serviceName, binding, timeout));
    }

    private async Task<FetchOutcome> FetchAndStoreAsync(Slot slot, string serviceName, OAuth2ClientCredentials binding, CancellationTokenSource timeout)
    {
        FetchOutcome outcome;
        using (timeout)
        {
            outcome = await FetchAsync(serviceName, binding, timeout.Token).ConfigureAwait(false);
        }

        lock (slot.Gate)
        {
            slot.Fetch = null;
            if (outcome.Token is not null)
            {
                slot.Token = outcome.Token;
                slot.FailureMessage = null;
            }
            else
            {
                // A failed background refresh keeps the current token until it expires.
                slot.FailureMessage = outcome.FailureMessage;
                slot.FailureUntil = _time.GetUtcNow() + _options.FailureBackoff;
            }
        }

        return outcome;
    }

    private static CachedToken NewToken(string value, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        // Refresh when less than max(30 s, 10%) of the lifetime remains, but never in the first half of a short-lived
        // token's life (else every call would refetch). Stop using it a little before expiry to allow for clock skew
        // and the time the upstream call takes.
        var margin = TimeSpan.FromTicks(Math.Min(Math.Max(TimeSpan.FromSeconds(30).Ticks, lifetime.Ticks / 10), lifetime.Ticks / 2));
        var skew = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, lifetime.Ticks / 10));
        return new CachedToken(value, issuedAt + lifetime - margin, issuedAt + lifetime - skew);
    }

    /// <summary>What makes two bindings interchangeable for caching: everything that shapes the token request.</summary>
    private readonly record struct BindingIdentity(string TokenUrl, string ClientId, string ClientSecretName, string Scopes, string? Audience)
    {
        public static BindingIdentity Of(OAuth2ClientCredentials binding) => new(
            binding.TokenUrl.AbsoluteUri,
            binding.ClientId ?? "",
            binding.ClientSecretName ?? "",
            string.Join(' ', binding.Scopes ?? []),
            binding.Audience);
    }

    private sealed class CachedToken(string value, DateTimeOffset refreshAt, DateTimeOffset usableUntil)
    {
        public string Value { get; } = value;

        public DateTimeOffset RefreshAt { get; } = refreshAt;

        public DateTimeOffset UsableUntil { get; } = usableUntil;

        public override string ToString() => $"access token (refresh at {RefreshAt:O}, usable until {UsableUntil:O})";
    }

    private sealed record FetchOutcome(CachedToken? Token, string? FailureMessage);

    private sealed class Slot(BindingIdentity identity)
    {
        public BindingIdentity Identity { get; } = identity;

        public Lock Gate { get; } = new();

        // INVARIANT: the fields below are read and written only under Gate.
        public CachedToken? Token { get; set; }

        public Task<FetchOutcome>? Fetch { get; set; }

        public string? FailureMessage { get; set; }

        public DateTimeOffset FailureUntil { get; set; }
    }
}
