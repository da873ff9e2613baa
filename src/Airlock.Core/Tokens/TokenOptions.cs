namespace Airlock.Core.Tokens;

/// <summary>How session tokens are issued and checked.</summary>
public sealed record TokenOptions
{
    /// <summary>The data plane's audience, <c>airlock-data-plane</c> (docs/admin-api.md).</summary>
    public const string DefaultAudience = "airlock-data-plane";

    /// <summary>The largest token accepted, in bytes; larger ones are refused before any parsing.</summary>
    public const int DefaultMaxTokenBytes = 8192;

    /// <summary>How many verified tokens the validator remembers, so that a token seen before skips the signature check.</summary>
    public const int DefaultMaxCachedTokens = 100_000;

    /// <summary>The leeway on <c>exp</c> and <c>nbf</c> for clocks that disagree a little: 30 seconds.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(30);

    // The parameters are named like the properties so that call sites read `ClockSkew: …`, as with a positional record.
#pragma warning disable IDE1006
    public TokenOptions(string Issuer, string Audience = DefaultAudience, TimeSpan? ClockSkew = null, int MaxTokenBytes = DefaultMaxTokenBytes)
#pragma warning restore IDE1006
    {
        ArgumentException.ThrowIfNullOrEmpty(Issuer);
        ArgumentException.ThrowIfNullOrEmpty(Audience);
        var skew = ClockSkew ?? DefaultClockSkew;
        ArgumentOutOfRangeException.ThrowIfLessThan(skew, TimeSpan.Zero, nameof(ClockSkew));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokenBytes, 256);
        this.Issuer = Issuer;
        this.Audience = Audience;
        this.ClockSkew = skew;
        this.MaxTokenBytes = MaxTokenBytes;
    }

    /// <summary>The <c>iss</c> of every token: this gateway.</summary>
    public string Issuer { get; init; }

    /// <summary>The <c>aud</c> of every token.</summary>
    public string Audience { get; init; }

    /// <summary>Leeway on <c>exp</c> and <c>nbf</c>; 30 seconds by default.</summary>
    public TimeSpan ClockSkew { get; init; }

    /// <summary>The largest token accepted, in bytes; 8 KiB by default.</summary>
    public int MaxTokenBytes { get; init; }

    /// <summary>The bound on the validator's cache of verified tokens; 100,000 by default.</summary>
    public int MaxCachedTokens { get; init; } = DefaultMaxCachedTokens;
}
