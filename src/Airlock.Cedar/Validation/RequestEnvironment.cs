using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>One combination of principal type, action and resource type a policy is checked under, with slot types for templates.</summary>
internal sealed record RequestEnvironment(
    string Principal,
    EntityUid Action,
    string Resource,
    RecordType Context,
    string? PrincipalSlot = null,
    string? ResourceSlot = null)
{
    /// <summary>The action as a value, for comparing <c>action</c> with literals.</summary>
    public EntityValue ActionValue { get; } = new(Action);
}
