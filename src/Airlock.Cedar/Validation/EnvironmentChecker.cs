using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Strict type checking of one policy condition under one request environment: the exact types of
/// <c>principal</c>, <c>action</c>, <c>resource</c> and <c>context</c> are known. Singleton boolean types make
/// short-circuiting precise, and capabilities track which optional attributes and tags are known to exist.
/// </summary>
internal sealed partial class EnvironmentChecker(SchemaView schema, RequestEnvironment env, string policyId, List<ValidationIssue> errors)
{
    private static readonly CedarType[] EntityOrRecord = [EntityRefType.AnyEntity, RecordType.AnyRecord];

    /// <summary>Checks a whole policy condition, which must be boolean.</summary>
    public Answer CheckCondition(Expr condition) => ExpectType(CapabilitySet.Empty, condition, BoolType.AnyBool);

    // The type found for each attribute-access target, so that messages can name the entity type a path starts from.
    private readonly Dictionary<Expr, CedarType?> targetTypes = new(ReferenceEqualityComparer.Instance);

    private Answer Check(CapabilitySet prior, Expr e) => StackGuard.Run(() => CheckNode(prior, e));

    private Answer CheckNode(CapabilitySet prior, Expr e) => e switch
    {
        VarExpr v => CheckVar(v),
        SlotExpr s => Answer.Success(SlotType(s.Slot)),
        LiteralExpr l => CheckLiteral(l),
        IfExpr i => CheckIf(prior, i),
        AndExpr a => CheckAnd(prior, a.Left, a.Right),
        OrExpr o => CheckOr(prior, o),
        UnaryExpr u => CheckUnary(prior, u),
        BinaryExpr b => CheckBinary(prior, b),
        ExtensionCallExpr x => CheckExtensionCall(prior, x),
        GetAttrExpr g => CheckGetAttr(prior, g),
        HasAttrExpr h => CheckHasAttr(prior, h),
        LikeExpr l => CheckLike(prior, l),
        IsExpr { In: null } i => CheckIs(prior, i),
        IsExpr i => CheckIsIn(prior, i),
        SetExpr s => CheckSet(prior, s),
        RecordExpr r => CheckRecord(prior, r),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown expression kind"),
    };

    private Answer CheckVar(VarExpr v) => v.Var switch
    {
        Var.Principal => Answer.Success(EntityRefType.Of(env.Principal)),
        Var.Action => schema.TypeOfEntityLiteral(env.Action) is { } t ? Answer.Success(t) : Answer.Fail(null),
        Var.Resource => Answer.Success(EntityRefType.Of(env.Resource)),
        _ => Answer.Success(env.Context),
    };

    private CedarType SlotType(SlotId slot)
    {
        var bound = slot == SlotId.Principal ? env.PrincipalSlot : env.ResourceSlot;
        return bound is null ? EntityRefType.AnyEntity : EntityRefType.Of(bound);
    }

    private Answer CheckLiteral(LiteralExpr l) => l.Value switch
    {
        BoolValue b => Answer.Success(BoolType.Singleton(b.Value)),
        LongValue => Answer.Success(LongType.Instance),
        StringValue => Answer.Success(StringType.Instance),

        // An undeclared entity type or action is reported by the scope checks, so no error here; the
        // check still fails so the policy is not considered well typed.
        EntityValue entity => schema.TypeOfEntityLiteral(entity.Uid) is { } t ? Answer.Success(t) : Answer.Fail(null),
        _ => Answer.Fail(null),
    };

    private Answer CheckIf(CapabilitySet prior, IfExpr e)
    {
        var test = ExpectType(prior, e.Condition, BoolType.AnyBool);
        return test.Then((testType, testCaps) =>
        {
            if (BoolType.True.Equals(testType))
            {
                // Only the `then` branch can run; it may rely on what the guard established.
                return Check(prior.Union(testCaps), e.Then).Then((t, caps) => Answer.Success(t, caps.Union(testCaps)));
            }

            if (BoolType.False.Equals(testType))
            {
                return Check(prior, e.Else).Then((t, caps) => Answer.Success(t, caps));
            }

            var thenAnswer = Check(prior.Union(testCaps), e.Then);
            if (thenAnswer.Ok)
            {
                thenAnswer = thenAnswer with { Capabilities = thenAnswer.Capabilities.Union(testCaps) };
            }

            var elseAnswer = Check(prior, e.Else);
            return thenAnswer.Then((thenType, thenCaps) => elseAnswer.Then((elseType, elseCaps) =>
            {
                var lub = LeastUpperBoundOrError(e, [thenType, elseType], LubContext.Conditional);
                return lub is null ? Answer.Fail(null) : Answer.Success(lub, elseCaps.Intersect(thenCaps));
            }));
        });
    }

    private Answer CheckAnd(CapabilitySet prior, Expr leftExpr, Expr rightExpr)
    {
        var left = ExpectType(prior, leftExpr, BoolType.AnyBool);
        return left.Then((leftType, leftCaps) =>
        {
            // `false && e` never evaluates `e`, so `e` is not checked at all.
            if (BoolType.False.Equals(leftType))
            {
                return Answer.Success(leftType);
            }

            var right = ExpectType(prior.Union(leftCaps), rightExpr, BoolType.AnyBool);
            return right.Then((rightType, rightCaps) => (leftType, rightType) switch
            {
                (not null, BoolType { Kind: BoolKind.False }) => Answer.Success(BoolType.False),
                (not null, BoolType { Kind: BoolKind.True }) => Answer.Success(leftType, leftCaps.Union(rightCaps)),

                // The reference keeps only the right operand's capabilities here.
                (BoolType { Kind: BoolKind.True }, not null) => Answer.Success(rightType, rightCaps),
                (not null, not null) => Answer.Success(BoolType.AnyBool, leftCaps.Union(rightCaps)),
                _ => Answer.Fail(BoolType.AnyBool),
            });
        });
    }

    private Answer CheckOr(CapabilitySet prior, OrExpr e)
    {
        var left = ExpectType(prior, e.Left, BoolType.AnyBool);
        return left.Then((leftType, leftCaps) =>
        {
            if (BoolType.True.Equals(leftType))
            {
                return Answer.Success(leftType, leftCaps);
            }

            // The right operand runs only when the left was false, so it learns nothing from the left.
            var right = ExpectType(prior, e.Right, BoolType.AnyBool);
            return right.Then((rightType, rightCaps) => (leftType, rightType) switch
            {
                (not null, BoolType { Kind: BoolKind.True }) => Answer.Success(BoolType.True, rightCaps),
                (not null, BoolType { Kind: BoolKind.False }) => Answer.Success(leftType, leftCaps),
                (BoolType { Kind: BoolKind.False }, not null) => Answer.Success(rightType, rightCaps),
                (not null, not null) => Answer.Success(BoolType.AnyBool, rightCaps.Intersect(leftCaps)),
                _ => Answer.Fail(BoolType.AnyBool),
            });
        });
    }

    /// <summary>Checks <paramref name="e"/> and requires its type to be a subtype of one of <paramref name="expected"/>.</summary>
    private Answer ExpectOneOf(CapabilitySet prior, Expr e, CedarType[] expected, Func<CedarType, string?>? help = null)
    {
        var actual = Check(prior, e);
        return actual.Then((type, caps) =>
        {
            if (type is null)
            {
                return Answer.Fail(null);
            }

            // Permissive on purpose: "some entity" and "some record" must accept every entity and record type.
            if (!Array.Exists(expected, x => TypeLattice.IsSubtype(type, x, strict: false)))
            {
                ReportUnexpectedType(e.Span, expected, type, help?.Invoke(type));
                return Answer.Fail(null);
            }

            return Answer.Success(type, caps);
        });
    }

    private Answer ExpectType(CapabilitySet prior, Expr e, CedarType expected, Func<CedarType, string?>? help = null) =>
        ExpectOneOf(prior, e, [expected], help);

    /// <summary>The least upper bound of <paramref name="types"/>, reporting an error when there is none; null also when a type is unknown.</summary>
    private CedarType? LeastUpperBoundOrError(Expr e, IReadOnlyList<CedarType?> types, LubContext context)
    {
        if (types.Any(t => t is null))
        {
            return null;
        }

        var lub = TypeLattice.ReduceLeastUpperBound(types!, strict: true, out var help);
        if (lub is null)
        {
            ReportIncompatibleTypes(e.Span, types!, help, context);
        }

        return lub;
    }

    /// <summary>Replaces the <c>action</c> variable by the environment's action literal.</summary>
    private Value? LiteralValue(Expr e) =>
        e is VarExpr { Var: Var.Action } ? new EntityValue(env.Action) : BoolFolding.LiteralOf(e);

    private EntityUid? EntityLiteralOrAction(Expr e) => (LiteralValue(e) as EntityValue)?.Uid;
}
