namespace Airlock.Core.Leaks;

/// <summary>A secret <see cref="SecretPatternSet"/> could not register, and why (never the value).</summary>
public sealed record RejectedSecret(string Name, string Reason);
