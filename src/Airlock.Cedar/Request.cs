using Airlock.Cedar.Json;
using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar;

/// <summary>An authorization request: who (principal) wants to do what (action) to which resource, in what context.</summary>
public sealed class Request
{
    public Request(EntityUid principal, EntityUid action, EntityUid resource, RecordValue? context = null)
    {
        Principal = principal;
        Action = action;
        Resource = resource;
        Context = context ?? RecordValue.Empty;
        PrincipalValue = new EntityValue(principal);
        ActionValue = new EntityValue(action);
        ResourceValue = new EntityValue(resource);
    }

    public EntityUid Principal { get; }

    public EntityUid Action { get; }

    public EntityUid Resource { get; }

    public RecordValue Context { get; }

    // Allocated once so that evaluating `principal` never allocates.
    internal EntityValue PrincipalValue { get; }

    internal EntityValue ActionValue { get; }

    internal EntityValue ResourceValue { get; }

    /// <summary>Parses a context record from Cedar's JSON format; with a schema, values are read by the action's declared context type.</summary>
    public static RecordValue ParseContext(string json, Schema? schema = null, EntityUid? action = null) =>
        ValueJsonReader.ReadContext(json, schema, action);
}
