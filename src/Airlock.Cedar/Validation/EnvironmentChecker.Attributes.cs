using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>Attribute access, <c>has</c>, <c>like</c>, <c>is</c>, and set and record literals.</summary>
internal sealed partial class EnvironmentChecker
{
    private static readonly Func<CedarType, string?> HasHelp = t => t switch
    {
        SetType => TypeHelp.TryUsingContains,
        StringType => TypeHelp.TryUsingLike,
        _ => null,
    };

    private Answer CheckGetAttr(CapabilitySet prior, GetAttrExpr e)
    {
        var target = ExpectOneOf(prior, e.Target, EntityOrRecord);
        var type = target.Type;
        targetTypes[e.Target] = type;
        if (type is null)
        {
            return Answer.Fail(null);
        }

        var attribute = LookupAttribute(type, e.Attribute);
        if (attribute is null)
        {
            var suggestion = Suggestions.Closest(e.Attribute, AllAttributes(type));
            ReportUnsafeAttributeAccess(e, type, suggestion, MayHaveAttribute(type, e.Attribute));
            return Answer.Fail(null);
        }

        // An optional attribute is safe only behind a `has` test that must have been true.
        if (attribute.Required || prior.HasAttribute(e.Target, e.Attribute))
        {
            return After(target, Answer.Success(attribute.Type));
        }

        ReportUnsafeOptionalAttributeAccess(e, type);
        return Answer.Fail(attribute.Type);
    }

    private Answer CheckHasAttr(CapabilitySet prior, HasAttrExpr e)
    {
        var target = ExpectOneOf(prior, e.Target, EntityOrRecord, HasHelp);
        var type = target.Type;
        if (type is null)
        {
            return Answer.Fail(BoolType.AnyBool);
        }

        var attribute = LookupAttribute(type, e.Attribute);
        if (attribute is null)
        {
            // Definitely absent unless some member of the type may carry it.
            return After(target, Answer.Success(MayHaveAttribute(type, e.Attribute) ? BoolType.AnyBool : BoolType.False));
        }

        // A required entity attribute is still not certain: the entity itself may not exist. A record
        // always has its required attributes, and a prior test settles the question either way.
        var certain = prior.HasAttribute(e.Target, e.Attribute) || (attribute.Required && type is RecordType);
        return After(target, Answer.Success(certain ? BoolType.True : BoolType.AnyBool, CapabilitySet.Of(Capability.ForAttribute(e.Target, e.Attribute))));
    }

    private Answer CheckLike(CapabilitySet prior, LikeExpr e)
    {
        var target = ExpectType(prior, e.Target, StringType.Instance, static t => t is EntityRefType ? TypeHelp.TryUsingIs : null);
        return After(target, Answer.Success(BoolType.AnyBool));
    }

    private Answer CheckIs(CapabilitySet prior, IsExpr e)
    {
        var target = ExpectType(prior, e.Target, EntityRefType.AnyEntity, static _ => TypeHelp.TypeTestNotSupported);
        return After(target, target.Type switch
        {
            EntityRefType { IsAny: true } => Answer.Success(BoolType.AnyBool),
            EntityRefType lub when !lub.Contains(e.EntityType) => Answer.Success(BoolType.False),
            EntityRefType lub when lub.Single == e.EntityType => Answer.Success(BoolType.True),
            EntityRefType => Answer.Success(BoolType.AnyBool),
            _ => Answer.Fail(BoolType.AnyBool),
        });
    }

    // `e is T in x` means `e is T && e in x`, which is how the reference checks it.
    private Answer CheckIsIn(CapabilitySet prior, IsExpr e) =>
        CheckAnd(prior, new IsExpr(e.Target, e.EntityType, null, e.Span), new BinaryExpr(BinaryOp.In, e.Target, e.In!, e.Span));

    private Answer CheckSet(CapabilitySet prior, SetExpr e)
    {
        var allOk = true;
        CedarType? lub = NeverType.Instance;
        CedarType[] types = new CedarType[e.Elements.Count];
        var unknown = false;
        for (var i = 0; i < e.Elements.Count; i++)
        {
            var answer = Check(prior, e.Elements[i]);
            allOk &= answer.Ok;
            unknown |= answer.Type is null;
            types[i] = answer.Type!;
        }

        if (unknown)
        {
            lub = null;
        }
        else
        {
            lub = TypeLattice.ReduceLeastUpperBound(types, strict: true, out var help);
            if (lub is null)
            {
                ReportIncompatibleTypes(e.Span, types, help, LubContext.Set);
            }
        }

        Answer result;
        if (e.Elements.Count == 0)
        {
            // Strict mode cannot give `[]` an element type, so empty set literals are refused outright.
            ReportIssue(ValidationErrorKind.EmptySetForbidden, e.Span, "empty set literals are forbidden in policies");
            result = Answer.Fail(null);
        }
        else
        {
            result = lub is null ? Answer.Fail(null) : Answer.Success(new SetType(lub));
        }

        return allOk ? result : result.IntoFail();
    }

    private Answer CheckRecord(CapabilitySet prior, RecordExpr e)
    {
        var allOk = true;
        var attributes = new List<KeyValuePair<string, AttributeType>>(e.Attributes.Count);
        var unknown = false;
        foreach (var (name, value) in e.Attributes)
        {
            var answer = Check(prior, value);
            allOk &= answer.Ok;
            unknown |= answer.Type is null;
            if (answer.Type is not null)
            {
                attributes.Add(new(name, new AttributeType(answer.Type, Required: true)));
            }
        }

        var result = unknown ? Answer.Fail(null) : Answer.Success(new RecordType(new RecordAttributes(attributes), isOpen: false));
        return allOk ? result : result.IntoFail();
    }

    /// <summary>The attribute's type on an entity or record type; null when it is absent or cannot be known.</summary>
    private AttributeType? LookupAttribute(CedarType type, string attribute) => type switch
    {
        RecordType r => r.Attributes.Get(attribute),
        EntityRefType { IsAny: false } e => EntityAttributes(e).Get(attribute),
        _ => null,
    };

    private IEnumerable<string> AllAttributes(CedarType type) => type switch
    {
        RecordType r => r.Attributes.Names,
        EntityRefType { IsAny: false } e => EntityAttributes(e).Names,
        _ => [],
    };

    /// <summary>The attributes every entity type of the union shares, at their joined types.</summary>
    private RecordAttributes EntityAttributes(EntityRefType lub)
    {
        if (lub.Single is { } single)
        {
            return schema.GetEntityType(single)?.Attributes ?? RecordAttributes.Empty;
        }

        RecordAttributes? result = null;
        foreach (var name in lub.Types)
        {
            var attributes = schema.GetEntityType(name)?.Attributes ?? RecordAttributes.Empty;
            result = result is null ? attributes : TypeLattice.PermissiveAttributesLub(result, attributes);
        }

        return result ?? RecordAttributes.Empty;
    }

    /// <summary>True when a value of <paramref name="type"/> might have <paramref name="attribute"/>.</summary>
    private bool MayHaveAttribute(CedarType type, string attribute) => type switch
    {
        NeverType => true,
        EntityRefType e when HasOpenAttributes(e) => true,
        EntityRefType e => e.Types.Any(name => schema.GetEntityType(name)?.Attributes.Contains(attribute) == true),
        RecordType r => r.IsOpen || r.Attributes.Contains(attribute),
        _ => false,
    };

    private bool HasOpenAttributes(EntityRefType e) =>
        e.IsAny || e.Types.Any(name => !EntityUid.IsActionType(name) && (schema.GetEntityType(name)?.OpenAttributes ?? true));
}
