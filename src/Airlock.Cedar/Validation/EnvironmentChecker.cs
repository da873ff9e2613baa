using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Strict type checking of one policy condition under one request environment: the exact types of
/// <c>principal</c>, <c>action</c>, <c>resource</c> and <c>context</c> are known. Singleton boolean types make
/// short-circuiting precise, and capabilities track which optional attributes and tags are known to exist.
/// </summary>
/// <remarks>
/// Each step mirrors the reference's "check the operands, then combine": a failed operand makes the result a
/// failure (<see cref="After"/>) and contributes no capabilities (<see cref="Caps"/>), but every operand is
/// still checked so that all errors are reported.
/// </remarks>
internal sealed partial class EnvironmentChecker
{
    private static readonly CedarType[] EntityOrRecord = [EntityRefType.AnyEntity, RecordType.AnyRecord];

    private readonly SchemaView schema;
    private readonly string policyId;
    private readonly List<ValidationIssue> errors;

    // The type found for each attribute-access target, so that messages can name the entity type a path starts from.
    private readonly Dictionary<Expr, CedarType?> targetTypes = new(ReferenceEqualityComparer.Instance);

    private RequestEnvironment env = null!;
    private EntityRefType principalType = EntityRefType.AnyEntity;
    private EntityRefType resourceType = EntityRefType.AnyEntity;

    /// <summary>Creates a checker for one policy; it checks the condition under one environment at a time.</summary>
    public EnvironmentChecker(SchemaView schema, string policyId, List<ValidationIssue> errors)
    {
        this.schema = schema;
        this.policyId = policyId;
        this.errors = errors;
    }

    /// <summary>Checks a whole policy condition, which must be boolean, under <paramref name="environment"/>.</summary>
    public Answer CheckCondition(Expr condition, RequestEnvironment environment)
    {
        env = environment;
        principalType = schema.EntityTypeOf(env.Principal);
        resourceType = schema.EntityTypeOf(env.Resource);
        targetTypes.Clear();
        return ExpectType(CapabilitySet.Empty, condition, BoolType.AnyBool);
    }

    /// <summary>The result of a step whose operand was <paramref name="operand"/>: a failed operand fails the step.</summary>
    private static Answer After(Answer operand, Answer result) => operand.Ok ? result : result.IntoFail();

    /// <summary>The capabilities a step may rely on from <paramref name="operand"/>: none when it failed.</summary>
    private static CapabilitySet Caps(Answer operand) => operand.Ok ? operand.Capabilities : CapabilitySet.Empty;

    private Answer Check(CapabilitySet prior, Expr e) => StackGuard.HasRoom() ? CheckNode(prior, e) : CheckOnLargeStack(prior, e);

    // Kept apart from `Check` so that the common path allocates no closure.
    private Answer CheckOnLargeStack(CapabilitySet prior, Expr e) => StackGuard.OnLargeStack(() => CheckNode(prior, e));

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
        Var.Principal => Answer.Success(principalType),
        Var.Action => schema.TypeOfEntityLiteral(env.Action) is { } t ? Answer.Success(t) : Answer.Fail(null),
        Var.Resource => Answer.Success(resourceType),
        _ => Answer.Success(env.Context),
    };

    private EntityRefType SlotType(SlotId slot)
    {
        var bound = slot == SlotId.Principal ? env.PrincipalSlot : env.ResourceSlot;
        return bound is null ? EntityRefType.AnyEntity : schema.EntityTypeOf(bound);
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
        var testCaps = Caps(test);
        Answer result;
        if (BoolType.True.Equals(test.Type))
        {
            // Only the `then` branch can run; it may rely on what the guard established.
            var then = Check(prior.Union(testCaps), e.Then);
            result = After(then, Answer.Success(then.Type, Caps(then).Union(testCaps)));
        }
        else if (BoolType.False.Equals(test.Type))
        {
            var otherwise = Check(prior, e.Else);
            result = After(otherwise, Answer.Success(otherwise.Type, Caps(otherwise)));
        }
        else
        {
            var then = Check(prior.Union(testCaps), e.Then);
            var thenCaps = then.Ok ? then.Capabilities.Union(testCaps) : CapabilitySet.Empty;
            var otherwise = Check(prior, e.Else);
            var lub = LeastUpperBoundOrError(e, then.Type, otherwise.Type, LubContext.Conditional);
            result = After(then, After(otherwise, lub is null
                ? Answer.Fail(null)
                : Answer.Success(lub, Caps(otherwise).Intersect(thenCaps))));
        }

        return After(test, result);
    }

    private Answer CheckAnd(CapabilitySet prior, Expr leftExpr, Expr rightExpr)
    {
        var left = ExpectType(prior, leftExpr, BoolType.AnyBool);
        var leftType = left.Type;
        var leftCaps = Caps(left);

        // `false && e` never evaluates `e`, so `e` is not checked at all.
        if (BoolType.False.Equals(leftType))
        {
            return After(left, Answer.Success(leftType));
        }

        var right = ExpectType(prior.Union(leftCaps), rightExpr, BoolType.AnyBool);
        var rightType = right.Type;
        var rightCaps = Caps(right);
        var result = (leftType, rightType) switch
        {
            (not null, BoolType { Kind: BoolKind.False }) => Answer.Success(BoolType.False),
            (not null, BoolType { Kind: BoolKind.True }) => Answer.Success(leftType, leftCaps.Union(rightCaps)),

            // The reference keeps only the right operand's capabilities here.
            (BoolType { Kind: BoolKind.True }, not null) => Answer.Success(rightType, rightCaps),
            (not null, not null) => Answer.Success(BoolType.AnyBool, leftCaps.Union(rightCaps)),
            _ => Answer.Fail(BoolType.AnyBool),
        };
        return After(left, After(right, result));
    }

    private Answer CheckOr(CapabilitySet prior, OrExpr e)
    {
        var left = ExpectType(prior, e.Left, BoolType.AnyBool);
        var leftType = left.Type;
        var leftCaps = Caps(left);
        if (BoolType.True.Equals(leftType))
        {
            return After(left, Answer.Success(leftType, leftCaps));
        }

        // The right operand runs only when the left was false, so it learns nothing from the left.
        var right = ExpectType(prior, e.Right, BoolType.AnyBool);
        var rightType = right.Type;
        var rightCaps = Caps(right);
        var result = (leftType, rightType) switch
        {
            (not null, BoolType { Kind: BoolKind.True }) => Answer.Success(BoolType.True, rightCaps),
            (not null, BoolType { Kind: BoolKind.False }) => Answer.Success(leftType, leftCaps),
            (BoolType { Kind: BoolKind.False }, not null) => Answer.Success(rightType, rightCaps),
            (not null, not null) => Answer.Success(BoolType.AnyBool, rightCaps.Intersect(leftCaps)),
            _ => Answer.Fail(BoolType.AnyBool),
        };
        return After(left, After(right, result));
    }

    /// <summary>Checks <paramref name="e"/> and requires its type to be a subtype of one of <paramref name="expected"/>.</summary>
    private Answer ExpectOneOf(CapabilitySet prior, Expr e, CedarType[] expected, Func<CedarType, string?>? help = null)
    {
        var actual = Check(prior, e);
        var type = actual.Type;
        if (type is null)
        {
            return Answer.Fail(null);
        }

        // Permissive on purpose: "some entity" and "some record" must accept every entity and record type.
        var matches = false;
        foreach (var candidate in expected)
        {
            matches |= TypeLattice.IsSubtype(type, candidate, strict: false);
        }

        if (!matches)
        {
            ReportUnexpectedType(e.Span, expected, type, help?.Invoke(type));
            return Answer.Fail(null);
        }

        return After(actual, Answer.Success(type, Caps(actual)));
    }

    /// <summary>Checks <paramref name="e"/> and requires its type to be a subtype of <paramref name="expected"/>.</summary>
    private Answer ExpectType(CapabilitySet prior, Expr e, CedarType expected, Func<CedarType, string?>? help = null)
    {
        var actual = Check(prior, e);
        var type = actual.Type;
        if (type is null)
        {
            return Answer.Fail(null);
        }

        if (!TypeLattice.IsSubtype(type, expected, strict: false))
        {
            ReportUnexpectedType(e.Span, [expected], type, help?.Invoke(type));
            return Answer.Fail(null);
        }

        return After(actual, Answer.Success(type, Caps(actual)));
    }

    /// <summary>The least upper bound of two types, reporting an error when there is none; null also when a type is unknown.</summary>
    private CedarType? LeastUpperBoundOrError(Expr e, CedarType? first, CedarType? second, LubContext context)
    {
        if (first is null || second is null)
        {
            return null;
        }

        var lub = TypeLattice.LeastUpperBound(first, second, strict: true, out var help);
        if (lub is null)
        {
            ReportIncompatibleTypes(e.Span, [first, second], help, context);
        }

        return lub;
    }

    /// <summary>The literal value of <paramref name="e"/>, with the <c>action</c> variable standing for the environment's action.</summary>
    private Value? LiteralValue(Expr e) =>
        e is VarExpr { Var: Var.Action } ? env.ActionValue : BoolFolding.LiteralOf(e);

    private EntityUid? EntityLiteralOrAction(Expr e) => (LiteralValue(e) as EntityValue)?.Uid;
}
