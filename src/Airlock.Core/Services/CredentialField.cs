namespace Airlock.Core.Services;

/// <summary>SECRET MATERIAL: one header or query parameter of a <see cref="RenderedCredential"/>. <see cref="ToString"/> hides <see cref="Value"/>.</summary>
public readonly record struct CredentialField(string Name, string Value)
{
    public override string ToString() => $"{Name}: (secret)";
}
