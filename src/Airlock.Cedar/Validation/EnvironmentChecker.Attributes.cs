using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>Attribute access, <c>has</c>, <c>like</c>, <c>is</c>, and set and record literals.</summary>
internal sealed partial class EnvironmentChecker
{
    private Answer CheckGetAttr(CapabilitySet prior, GetAttrExpr e)
    {
        var target = ExpectOneOf(prior, e.Target, EntityOrRecord);
        return target.Then((type, _) =>
        {
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
            if (attribute.Required || prior.Contains(Capability.ForAttribute(e.Target, e.Attribute)))
            {
                return Answer.Success(attribute.Type);
            }

            ReportUnsafeOptionalAttributeAccess(e, type);
            return Answer.Fail(attribute.Type);
        });
    }

    private Answer CheckHasAttr(CapabilitySet prior, HasAttrExpr e)
    {
        var target = ExpectOneOf(prior, e.Target, EntityOrRecord, t => t switch
        {
            SetType => TypeHelp.TryUsingContains,
            StringType => TypeHelp.TryUsingLike,
            _ => null,
        });
        return target.Then((type, _) =>
        {
            if (type is null)
            {
                return Answer.Fail(BoolType.AnyBool);
            }

            var capability = Capability.ForAttribute(e.Target, e.Attribute);
            var attribute = LookupAttribute(type, e.Attribute);
            if (attribute is null)
            {
                // Definitely absent unless some member of the type may carry it.
                return Answer.Success(MayHaveAttribute(type, e.Attribute) ? BoolType.AnyBool : BoolType.False);
            }

            // A required entity attribute is still not certain: the entity itself may not exist. A record
            // always has its required attributes, and a prior test settles the question either way.
            var certain = prior.Contains(capability) || (attribute.Required && type is RecordType);
            return Answer.Success(certain ? BoolType.True : BoolType.AnyBool, CapabilitySet.Of(capability));
        });
    }

    private Answer CheckLike(CapabilitySet prior, LikeExpr e) =>
        ExpectType(prior, e.Target, StringType.Instance, t => t is EntityRefType ? TypeHelp.TryUsingIs : null)
            .Then((_, _) => Answer.Success(BoolType.AnyBool));

    private Answer CheckIs(CapabilitySet prior, IsExpr e) =>
        ExpectType(prior, e.Target, EntityRefType.AnyEntity, _ => TypeHelp.TypeTestNotSupported)
            .Then((type, _) => type switch
            {
                EntityRefType { IsAny: true } => Answer.Success(BoolType.AnyBool),
                EntityRefType lub when !lub.Contains(e.EntityType) => Answer.Success(BoolType.False),
                EntityRefType lub when lub.Single == e.EntityType => Answer.Success(BoolType.True),
                EntityRefType => Answer.Success(BoolType.AnyBool),
                _ => Answer.Fail(BoolType.AnyBool),
            });

    // `e is T in x` means `e is T && e in x`, which is how the reference checks it.
    private Answer CheckIsIn(CapabilitySet prior, IsExpr e) =>
        CheckAnd(prior, new IsExpr(e.Target, e.EntityType, null, e.Span), new BinaryExpr(BinaryOp.In, e.Target, e.In!, e.Span));

    private Answer CheckSet(CapabilitySet prior, SetExpr e)
    {
        var answers = e.Elements.Select(x => Check(prior, x)).ToList();
        var lub = LeastUpperBoundOrError(e, [.. answers.Select(a => a.Type)], LubContext.Set);
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

        return answers.All(a => a.Ok) ? result : result.IntoFail();
    }

    private Answer CheckRecord(CapabilitySet prior, RecordExpr e)
    {
        var answers = e.Attributes.Select(a => Check(prior, a.Value)).ToList();
        Answer result;
        if (answers.Any(a => a.Type is null))
        {
            result = Answer.Fail(null);
        }
        else
        {
            var attributes = new RecordAttributes(e.Attributes.Select((a, i) => new KeyValuePair<string, AttributeType>(a.Key, new AttributeType(answers[i].Type!, Required: true))));
            result = Answer.Success(new RecordType(attributes, isOpen: false));
        }

        return answers.All(a => a.Ok) ? result : result.IntoFail();
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
