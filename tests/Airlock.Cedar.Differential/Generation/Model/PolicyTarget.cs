namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>The request a policy was written for: requests aimed at it make its scope and conditions matter.</summary>
/// <param name="Action">The action its scope and conditions assume.</param>
/// <param name="PrincipalType">The principal type they assume.</param>
/// <param name="ResourceType">The resource type they assume.</param>
/// <param name="Mentioned">The entities its scope names.</param>
public sealed record PolicyTarget(GenAction? Action, string PrincipalType, string ResourceType, IReadOnlyList<(string Type, string Id)> Mentioned);
