using Airlock.Cedar.Ast;
using Airlock.Cedar.Extensions;

namespace Airlock.Cedar.Validation;

/// <summary>Unary and binary operators.</summary>
internal sealed partial class EnvironmentChecker
{
    private Answer CheckUnary(CapabilitySet prior, UnaryExpr e) => e.Op switch
    {
        UnaryOp.Not => Negate(ExpectType(prior, e.Operand, BoolType.AnyBool)),
        UnaryOp.Neg => ExpectType(prior, e.Operand, LongType.Instance).Then((_, _) => Answer.Success(LongType.Instance)),
        _ => ExpectType(prior, e.Operand, SetType.AnySet, t => t is StringType ? TypeHelp.TryUsingEqEmptyString : null)
            .Then((_, _) => Answer.Success(BoolType.AnyBool)),
    };

    /// <summary>The type of <c>!e</c> given the answer for <c>e</c>; singleton types flip.</summary>
    private static Answer Negate(Answer operand) => operand.Then((type, _) => type switch
    {
        null => Answer.Fail(BoolType.AnyBool),
        BoolType { Kind: BoolKind.True } => Answer.Success(BoolType.False),
        BoolType { Kind: BoolKind.False } => Answer.Success(BoolType.True),
        _ => Answer.Success(BoolType.AnyBool),
    });

    private Answer CheckBinary(CapabilitySet prior, BinaryExpr e) => e.Op switch
    {
        BinaryOp.Eq => CheckEquality(prior, e),

        // The reference parses `a != b` as `!(a == b)`, `a > b` as `!(a <= b)` and `a >= b` as `!(a < b)`.
        BinaryOp.NotEq => Negate(CheckEquality(prior, e)),
        BinaryOp.Less or BinaryOp.LessEq => CheckComparison(prior, e.Left, e.Right),
        BinaryOp.Greater or BinaryOp.GreaterEq => Negate(CheckComparison(prior, e.Left, e.Right)),
        BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul => CheckArithmetic(prior, e),
        BinaryOp.In => CheckIn(prior, e.Left, e.Right),
        BinaryOp.Contains => CheckContains(prior, e),
        BinaryOp.ContainsAll or BinaryOp.ContainsAny => CheckContainsAllAny(prior, e),
        BinaryOp.HasTag => CheckHasTag(prior, e),
        _ => CheckGetTag(prior, e),
    };

    private Answer CheckEquality(CapabilitySet prior, BinaryExpr e)
    {
        var left = Check(prior, e.Left);
        var right = Check(prior, e.Right);
        return left.Then((leftType, _) => right.Then((rightType, _) =>
        {
            var type = TypeOfEquality(e.Left, leftType, e.Right, rightType);
            return EnforceStrictEquality(e, type, leftType, rightType, LubContext.Equality);
        }));
    }

    private BoolType TypeOfEquality(Expr left, CedarType? leftType, Expr right, CedarType? rightType)
    {
        if (leftType is not null && rightType is not null && TypeLattice.AreDisjoint(leftType, rightType))
        {
            return BoolType.False;
        }

        // Two literals (counting `action`, whose value the environment fixes) compare exactly.
        var leftValue = LiteralValue(left);
        var rightValue = LiteralValue(right);
        return leftValue is not null && rightValue is not null
            ? BoolType.Singleton(leftValue.Equals(rightValue))
            : BoolType.AnyBool;
    }

    /// <summary>Strict mode: operands compared for equality must have compatible types, unless the result is already known.</summary>
    private Answer EnforceStrictEquality(BinaryExpr e, CedarType resultType, CedarType? left, CedarType? right, LubContext context)
    {
        if (resultType is BoolType { Kind: not BoolKind.Any } || left is null || right is null)
        {
            return Answer.Success(resultType);
        }

        if (TypeLattice.LeastUpperBound(left, right, strict: true, out var help) is null)
        {
            ReportIncompatibleTypes(e.Span, [left, right], help, context);
            return Answer.Fail(resultType);
        }

        return Answer.Success(resultType);
    }

    private static bool IsComparable(CedarType type) =>
        type is LongType || (type is ExtensionType x && ExtensionTypeNames.SupportsComparisonOperators(x.Name));

    private static CedarType[] ComparableTypes() =>
        [new ExtensionType(ExtensionTypeNames.Datetime), new ExtensionType(ExtensionTypeNames.Duration), LongType.Instance];

    private Answer CheckComparison(CapabilitySet prior, Expr leftExpr, Expr rightExpr)
    {
        var left = Check(prior, leftExpr);
        return left.Then((t1, _) => Check(prior, rightExpr).Then((t2, _) =>
        {
            var result = Answer.Fail(BoolType.AnyBool);
            switch (t1, t2)
            {
                case (NeverType, NeverType):
                    return result;
                case (NeverType, not null):
                    return ComparableOr(t2, rightExpr, ComparableTypes());
                case (not null, NeverType):
                    return ComparableOr(t1, leftExpr, ComparableTypes());
                case (not null, not null) when t1.Equals(t2) && IsComparable(t1):
                    return Answer.Success(BoolType.AnyBool);
                case (LongType, not null):
                    ReportUnexpectedType(rightExpr.Span, [LongType.Instance], t2, null);
                    return result;
                case (not null, LongType):
                    ReportUnexpectedType(leftExpr.Span, [LongType.Instance], t1, null);
                    return result;
                case (not null, not null) when IsComparable(t1):
                    ReportUnexpectedType(rightExpr.Span, [t1], t2, null);
                    return result;
                case (not null, not null) when IsComparable(t2):
                    ReportUnexpectedType(leftExpr.Span, [t2], t1, null);
                    return result;
                case (not null, not null):
                    ReportUnexpectedType(leftExpr.Span, ComparableTypes(), t1, null);
                    ReportUnexpectedType(rightExpr.Span, ComparableTypes(), t2, null);
                    return result;
                default:
                    return result;
            }
        }));
    }

    private Answer ComparableOr(CedarType type, Expr e, CedarType[] expected)
    {
        if (IsComparable(type))
        {
            return Answer.Success(BoolType.AnyBool);
        }

        ReportUnexpectedType(e.Span, expected, type, null);
        return Answer.Fail(BoolType.AnyBool);
    }

    private Answer CheckArithmetic(CapabilitySet prior, BinaryExpr e)
    {
        string? Help(CedarType actual) => (e.Op, actual) switch
        {
            (BinaryOp.Add, StringType) => TypeHelp.ConcatenationNotSupported,
            (_, SetType) => TypeHelp.SetOperationsNotSupported,
            _ => null,
        };

        return ExpectType(prior, e.Left, LongType.Instance, Help).Then((_, _) =>
            ExpectType(prior, e.Right, LongType.Instance, Help).Then((_, _) => Answer.Success(LongType.Instance)));
    }

    private static string? ContainsHelp(CedarType actual) => actual switch
    {
        EntityRefType => TypeHelp.TryUsingIn,
        RecordType => TypeHelp.TryUsingHas,
        StringType => TypeHelp.TryUsingLike,
        _ => null,
    };

    private Answer CheckContains(CapabilitySet prior, BinaryExpr e) =>
        ExpectType(prior, e.Left, SetType.AnySet, ContainsHelp).Then((setType, _) =>
            Check(prior, e.Right).Then((elementType, _) =>
                EnforceStrictEquality(e, BoolType.AnyBool, (setType as SetType)?.Element, elementType, LubContext.Contains)));

    private Answer CheckContainsAllAny(CapabilitySet prior, BinaryExpr e) =>
        ExpectType(prior, e.Left, SetType.AnySet, ContainsHelp).Then((leftType, _) =>
            ExpectType(prior, e.Right, SetType.AnySet, _ => TypeHelp.TryUsingSingleContains).Then((rightType, _) =>
                EnforceStrictEquality(e, BoolType.AnyBool, leftType, rightType, LubContext.ContainsAnyAll)));

    private Answer CheckHasTag(CapabilitySet prior, BinaryExpr e) =>
        ExpectType(prior, e.Left, EntityRefType.AnyEntity).Then((entityType, _) =>
            ExpectType(prior, e.Right, StringType.Instance).Then((_, _) =>
            {
                if (entityType is not EntityRefType entity)
                {
                    return Answer.Fail(null);
                }

                var capability = Capability.ForTag(e.Left, e.Right);
                var type = TagTypes(entity).Count == 0 ? BoolType.False
                    : prior.Contains(capability) ? BoolType.True
                    : BoolType.AnyBool;
                return Answer.Success(type, CapabilitySet.Of(capability));
            }));

    private Answer CheckGetTag(CapabilitySet prior, BinaryExpr e) =>
        ExpectType(prior, e.Left, EntityRefType.AnyEntity).Then((entityType, _) =>
            ExpectType(prior, e.Right, StringType.Instance).Then((_, _) =>
            {
                if (entityType is not EntityRefType entity)
                {
                    return Answer.Fail(null);
                }

                if (!prior.Contains(Capability.ForTag(e.Left, e.Right)))
                {
                    ReportUnsafeTagAccess(e, entity);
                    return Answer.Fail(null);
                }

                var tagTypes = TagTypes(entity);
                if (tagTypes.Count == 0)
                {
                    ReportIssue(ValidationErrorKind.NoTagsAllowed, e.Span,
                        $"`.getTag()` is not allowed on entities of {(entity.Single is { } single ? $"type `{single}`" : "this type")} because no `tags` were declared on the entity type in the schema");
                    return Answer.Fail(null);
                }

                var lub = TypeLattice.ReduceLeastUpperBound(tagTypes, strict: true, out var help);
                if (lub is null)
                {
                    ReportIncompatibleTypes(e.Span, tagTypes, help, LubContext.GetTag);
                    return Answer.Fail(null);
                }

                return Answer.Success(lub);
            }));

    /// <summary>The distinct tag types of the entity types in <paramref name="entity"/>; entity types without tags are ignored.</summary>
    private List<CedarType> TagTypes(EntityRefType entity)
    {
        var names = entity.IsAny ? schema.EntityTypeNames : entity.Types;
        var result = new List<CedarType>();
        foreach (var name in names)
        {
            if (schema.GetEntityType(name)?.TagType is { } tag && !result.Contains(tag))
            {
                result.Add(tag);
            }
        }

        return result;
    }
}
