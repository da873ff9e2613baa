namespace Airlock.Core.Services;

/// <summary>Tunables of <see cref="OAuth2TokenSource"/>; the defaults suit public identity providers.</summary>
public sealed class OAuth2TokenSourceOptions
{
    /// <summary>How long one token request may take, secret lookup included. Default 10 seconds.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Lifetime assumed when the token response has no <c>expires_in</c> (RFC 6749 §5.1 makes it optional). Default 5 minutes.</summary>
    public TimeSpan DefaultLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound on a token's lifetime, whatever <c>expires_in</c> says, so a revoked grant is noticed. Default 24 hours.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a failed fetch is remembered: callers within this time fail at once instead of hammering a failing
    /// token endpoint. Kept short so that a fixed secret or a recovered endpoint is picked up quickly. Default 2 seconds.
    /// </summary>
    public TimeSpan FailureBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Called with the service name and each newly obtained access token before any caller receives it, so the leak
    /// scanner knows the token before it can be sent anywhere. An exception fails the fetch. Default none.
    /// </summary>
    public Func<string, string, CancellationToken, Task>? OnTokenIssued { get; init; }

    /// <summary>Largest token response read; a longer one is refused. Default 64 KiB.</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FetchTimeout, TimeSpan.Zero, nameof(FetchTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultLifetime, TimeSpan.Zero, nameof(DefaultLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLifetime, DefaultLifetime, nameof(MaxLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(FailureBackoff, TimeSpan.Zero, nameof(FailureBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 1024, nameof(MaxResponseBytes));
    }
}
