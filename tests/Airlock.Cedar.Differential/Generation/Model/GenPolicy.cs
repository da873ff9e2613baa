namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>A generated policy and the request it was written for.</summary>
/// <param name="Text">The policy's text.</param>
/// <param name="Target">What it assumes about the request.</param>
public sealed record GenPolicy(string Text, PolicyTarget Target);
