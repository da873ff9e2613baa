using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>An action's declaration with its context as a validator type.</summary>
internal sealed record ActionInfo(ActionSchema Declaration, RecordType Context, IReadOnlySet<EntityUid> Descendants)
{
    public EntityUid Uid => Declaration.Uid;

    public IReadOnlyList<string> PrincipalTypes => Declaration.PrincipalTypes;

    public IReadOnlyList<string> ResourceTypes => Declaration.ResourceTypes;
}
