using Airlock.Cedar.Ast;
using Airlock.Cedar.Extensions;

namespace Airlock.Cedar.Validation;

/// <summary>Unary and binary operators.</summary>
internal sealed partial class EnvironmentChecker
{
    private static readonly CedarType[] ComparableTypes =
        [new ExtensionType(ExtensionTypeNames.Datetime), new ExtensionType(ExtensionTypeNames.Duration), LongType.Instance];

    private static readonly Func<CedarType, string?> IsEmptyHelp = static t => t is StringType ? TypeHelp.TryUsingEqEmptyString : null;

    private static readonly Func<CedarType, string?> AddHelp = static t => t switch
    {
        StringType => TypeHelp.ConcatenationNotSupported,
        SetType => TypeHelp.SetOperationsNotSupported,
        _ => null,
    };

    private static readonly Func<CedarType, string?> ArithmeticHelp = static t => t is SetType ? TypeHelp.SetOperationsNotSupported : null;

    private static readonly Func<CedarType, string?> ContainsHelp = static t => t switch
    {
        EntityRefType => TypeHelp.TryUsingIn,
        RecordType => TypeHelp.TryUsingHas,
        StringType => TypeHelp.TryUsingLike,
        _ => null,
    };

    private static readonly Func<CedarType, string?> SingleContainsHelp = static _ => TypeHelp.TryUsingSingleContains;

    private Answer CheckUnary(CapabilitySet prior, UnaryExpr e)
    {
        switch (e.Op)
        {
            case UnaryOp.Not:
                return Negate(ExpectType(prior, e.Operand, BoolType.AnyBool));
            case UnaryOp.Neg:
                return After(ExpectType(prior, e.Operand, LongType.Instance), Answer.Success(LongType.Instance));
            default:
                return After(ExpectType(prior, e.Operand, SetType.AnySet, IsEmptyHelp), Answer.Success(BoolType.AnyBool));
        }
    }

    /// <summary>The type of <c>!e</c> given the answer for <c>e</c>; singleton types flip.</summary>
    private static Answer Negate(Answer operand) => After(operand, operand.Type switch
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
        var type = TypeOfEquality(e.Left, left.Type, e.Right, right.Type);
        return After(left, After(right, EnforceStrictEquality(e, type, left.Type, right.Type, LubContext.Equality)));
    }

    private BoolType TypeOfEquality(Expr left, CedarType? leftType, Expr right, CedarType? rightType)
    {
        if (leftType is not null && rightType is not null && TypeLattice.AreDisjoint(leftType, rightType))
        {
            return BoolType.False;
        }

        // Two literals (counting `action`, whose value the environment fixes) compare exactly.
        var leftValue = LiteralValue(left);
        var rightValue = leftValue is null ? null : LiteralValue(right);
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

    private Answer CheckComparison(CapabilitySet prior, Expr leftExpr, Expr rightExpr)
    {
        var left = Check(prior, leftExpr);
        var right = Check(prior, rightExpr);
        return After(left, After(right, CompareTypes(leftExpr, left.Type, rightExpr, right.Type)));
    }

    private Answer CompareTypes(Expr leftExpr, CedarType? t1, Expr rightExpr, CedarType? t2)
    {
        var failure = Answer.Fail(BoolType.AnyBool);
        switch (t1, t2)
        {
            case (NeverType, NeverType):
                return failure;
            case (NeverType, not null):
                return ComparableOr(t2, rightExpr);
            case (not null, NeverType):
                return ComparableOr(t1, leftExpr);
            case (not null, not null) when t1.Equals(t2) && IsComparable(t1):
                return Answer.Success(BoolType.AnyBool);
            case (LongType, not null):
                ReportUnexpectedType(rightExpr.Span, [LongType.Instance], t2, null);
                return failure;
            case (not null, LongType):
                ReportUnexpectedType(leftExpr.Span, [LongType.Instance], t1, null);
                return failure;
            case (not null, not null) when IsComparable(t1):
                ReportUnexpectedType(rightExpr.Span, [t1], t2, null);
                return failure;
            case (not null, not null) when IsComparable(t2):
                ReportUnexpectedType(leftExpr.Span, [t2], t1, null);
                return failure;
            case (not null, not null):
                ReportUnexpectedType(leftExpr.Span, ComparableTypes, t1, null);
                ReportUnexpectedType(rightExpr.Span, ComparableTypes, t2, null);
                return failure;
            default:
                return failure;
        }
    }

    private Answer ComparableOr(CedarType type, Expr e)
    {
        if (IsComparable(type))
        {
            return Answer.Success(BoolType.AnyBool);
        }

        ReportUnexpectedType(e.Span, ComparableTypes, type, null);
        return Answer.Fail(BoolType.AnyBool);
    }

    private Answer CheckArithmetic(CapabilitySet prior, BinaryExpr e)
    {
        var help = e.Op == BinaryOp.Add ? AddHelp : ArithmeticHelp;
        var left = ExpectType(prior, e.Left, LongType.Instance, help);
        var right = ExpectType(prior, e.Right, LongType.Instance, help);
        return After(left, After(right, Answer.Success(LongType.Instance)));
    }

    private Answer CheckContains(CapabilitySet prior, BinaryExpr e)
    {
        var set = ExpectType(prior, e.Left, SetType.AnySet, ContainsHelp);
        var element = Check(prior, e.Right);
        var result = EnforceStrictEquality(e, BoolType.AnyBool, (set.Type as SetType)?.Element, element.Type, LubContext.Contains);
        return After(set, After(element, result));
    }

    private Answer CheckContainsAllAny(CapabilitySet prior, BinaryExpr e)
    {
        var left = ExpectType(prior, e.Left, SetType.AnySet, ContainsHelp);
        var right = ExpectType(prior, e.Right, SetType.AnySet, SingleContainsHelp);
        var result = EnforceStrictEquality(e, BoolType.AnyBool, left.Type, right.Type, LubContext.ContainsAnyAll);
        return After(left, After(right, result));
    }

    private Answer CheckHasTag(CapabilitySet prior, BinaryExpr e)
    {
        var entity = ExpectType(prior, e.Left, EntityRefType.AnyEntity);
        var key = ExpectType(prior, e.Right, StringType.Instance);
        Answer result;
        if (entity.Type is not EntityRefType entityType)
        {
            result = Answer.Fail(null);
        }
        else
        {
            var type = TagTypes(entityType).Count == 0 ? BoolType.False
                : prior.HasTag(e.Left, e.Right) ? BoolType.True
                : BoolType.AnyBool;
            result = Answer.Success(type, CapabilitySet.Of(Capability.ForTag(e.Left, e.Right)));
        }

        return After(entity, After(key, result));
    }

    private Answer CheckGetTag(CapabilitySet prior, BinaryExpr e)
    {
        var entity = ExpectType(prior, e.Left, EntityRefType.AnyEntity);
        var key = ExpectType(prior, e.Right, StringType.Instance);
        return After(entity, After(key, entity.Type is EntityRefType entityType ? TagOf(prior, e, entityType) : Answer.Fail(null)));
    }

    private Answer TagOf(CapabilitySet prior, BinaryExpr e, EntityRefType entity)
    {
        if (!prior.HasTag(e.Left, e.Right))
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
    }

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
