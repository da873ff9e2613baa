using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Checks a request against the schema like the reference does: declared principal and resource types
/// (with valid ids for enumerated types), a declared action that applies to them, and a context that
/// conforms exactly to the action's context type.
/// </summary>
internal sealed class RequestChecks(SchemaView schema)
{
    public List<CedarDiagnostic> Check(Request request)
    {
        var errors = new List<CedarDiagnostic>();
        CheckScopeEntity(request.Principal, "principal", errors);
        CheckScopeEntity(request.Resource, "resource", errors);
        var action = schema.GetAction(request.Action);
        if (action is null)
        {
            errors.Add(Error($"request's action `{request.Action}` is not declared in the schema"));
            return errors;
        }

        if (!action.PrincipalTypes.Contains(request.Principal.Type))
        {
            errors.Add(Error(
                $"principal type `{request.Principal.Type}` is not valid for `{action.Uid}`",
                ValidTypesHelp("principal", action.PrincipalTypes)));
        }

        if (!action.ResourceTypes.Contains(request.Resource.Type))
        {
            errors.Add(Error(
                $"resource type `{request.Resource.Type}` is not valid for `{action.Uid}`",
                ValidTypesHelp("resource", action.ResourceTypes)));
        }

        var before = errors.Count;
        CheckEntityReferences(request.Context, errors);
        if (errors.Count == before && !Conforms(request.Context, action.Context))
        {
            errors.Add(Error($"context `{request.Context}` is not valid for `{action.Uid}`"));
        }

        return errors;
    }

    /// <summary>True when <paramref name="value"/> has type <paramref name="type"/>, with no undeclared attributes in closed records.</summary>
    public static bool Conforms(Value value, CedarType type) => (type, value) switch
    {
        (BoolType { Kind: BoolKind.Any }, BoolValue) => true,
        (BoolType b, BoolValue v) => v.Value == (b.Kind == BoolKind.True),
        (LongType, LongValue) => true,
        (StringType, StringValue) => true,
        (SetType { Element: null }, SetValue) => true,
        (SetType s, SetValue v) => v.Elements.All(e => Conforms(e, s.Element!)),
        (EntityRefType { IsAny: true }, EntityValue) => true,
        (EntityRefType e, EntityValue v) => e.Contains(v.Uid.Type),
        (RecordType r, RecordValue v) => RecordConforms(v, r),
        (ExtensionType x, ExtensionValue v) => x.Name == v.TypeName,
        _ => false,
    };

    private static bool RecordConforms(RecordValue value, RecordType type)
    {
        foreach (var (name, attributeValue) in value.Attributes)
        {
            var attribute = type.Attributes.Get(name);
            if (attribute is null ? !type.IsOpen : !Conforms(attributeValue, attribute.Type))
            {
                return false;
            }
        }

        return type.Attributes.All.All(a => !a.Value.Required || value.Has(a.Key));
    }

    private void CheckScopeEntity(EntityUid uid, string role, List<CedarDiagnostic> errors)
    {
        var info = schema.GetEntityType(uid.Type);
        if (info is null)
        {
            errors.Add(Error($"{role} type `{uid.Type}` is not declared in the schema"));
            return;
        }

        CheckEnum(uid, info, errors);
    }

    private static void CheckEnum(EntityUid uid, EntityInfo info, List<CedarDiagnostic> errors)
    {
        if (info.Declaration.EnumIds is { } choices && !choices.Contains(uid.Id))
        {
            errors.Add(Error(
                $"entity `{uid}` is of an enumerated entity type, but `{CedarString.Quote(uid.Id)}` is not declared as a valid eid",
                "valid entity eids: " + string.Join(", ", choices.Select(CedarString.Quote))));
        }
    }

    /// <summary>Entity references inside the context must name declared actions and valid enumerated ids.</summary>
    private void CheckEntityReferences(Value value, List<CedarDiagnostic> errors)
    {
        switch (value)
        {
            case EntityValue { Uid: var uid } when uid.IsAction:
                if (schema.GetAction(uid) is null)
                {
                    errors.Add(Error($"request's action `{uid}` is not declared in the schema"));
                }

                break;
            case EntityValue { Uid: var uid }:
                if (schema.GetEntityType(uid.Type) is { } info)
                {
                    CheckEnum(uid, info, errors);
                }

                break;
            case SetValue set:
                foreach (var element in set.Elements)
                {
                    CheckEntityReferences(element, errors);
                }

                break;
            case RecordValue record:
                foreach (var attribute in record.Attributes.Values)
                {
                    CheckEntityReferences(attribute, errors);
                }

                break;
        }
    }

    private static string ValidTypesHelp(string role, IReadOnlyList<string> types) =>
        types.Count == 0
            ? $"action does not apply to any {role} type"
            : $"valid {role} types: " + string.Join(", ", types.Select(t => $"`{t}`"));

    private static CedarDiagnostic Error(string message, string? help = null) => new(message, null, 0, 0, help);
}
