namespace Airlock.Cedar.Differential.Generation;

/// <summary>Boolean expressions: logic, comparisons, <c>in</c>, <c>has</c>, <c>like</c>, <c>is</c>, set and tag tests, extension predicates.</summary>
public sealed partial class ExpressionGenerator
{
    private static readonly string[] Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    private static readonly string[] DecimalComparisons = ["lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual"];

    private static readonly string[] IpPredicates = ["isIpv4", "isIpv6", "isLoopback", "isMulticast"];

    private static readonly string[] LikePieces = ["a", "b", "*", "*", "\\*", "ü", "ab", "\\\\", " ", "\\u{61}", "\\n"];

    public string Bool(int depth)
    {
        if (depth <= 0 || rng.Chance(0.15))
        {
            return rng.Chance(0.5) && Path(Model.GenTypeKind.Bool) is { } path ? path : rng.Chance(0.5) ? "true" : "false";
        }

        var d = depth - 1;
        return rng.Int(0, 21) switch
        {
            0 => "!" + P(Bool(d)),
            1 or 2 => P(Bool(d)) + (rng.Chance(0.5) ? " && " : " || ") + P(Bool(d)),
            3 or 4 => P(Long(d)) + " " + rng.Pick(Comparisons) + " " + P(Long(d)),
            5 => P(Any(d)) + (rng.Chance(0.5) ? " == " : " != ") + P(Any(d)),
            6 => P(Entity(d)) + " in " + P(rng.Chance(0.6) ? Entity(d) : EntitySet(d)),
            7 => P(HasTarget(d)) + " has " + HasPath(),
            8 => P(String(d)) + " like " + LikePattern(),
            9 => P(Entity(d)) + " is " + EntityTypeName() + (rng.Chance(0.4) ? " in " + P(Entity(d)) : string.Empty),
            10 => P(Set(d)) + ".contains(" + Any(d) + ")",
            11 => P(Set(d)) + (rng.Chance(0.5) ? ".containsAll(" : ".containsAny(") + Set(d) + ")",
            12 => P(Set(d)) + ".isEmpty()",
            13 => P(Entity(d)) + ".hasTag(" + String(d) + ")",
            14 => P(Extension("decimal", d)) + "." + rng.Pick(DecimalComparisons) + "(" + Extension("decimal", d) + ")",
            15 => P(Extension("ipaddr", d)) + "." + (rng.Chance(0.3) ? "isInRange(" + Extension("ipaddr", d) + ")" : rng.Pick(IpPredicates) + "()"),
            16 => Temporal(d),
            17 => If(Bool(d), Bool(d), Bool(d)),
            18 => Guarded(d),
            19 => P(Entity(d)) + ".getTag(" + String(d) + ")" + (rng.Chance(0.5) ? " == " + P(Any(d)) : string.Empty),
            20 => P(Any(d)) + (rng.Chance(0.5) ? " && " : " || ") + P(Any(d)), // a type error, most of the time
            _ => Path(Model.GenTypeKind.Bool) ?? "true",
        };
    }

    // datetime and duration compare with the ordinary operators since Cedar 4.4; decimal does not.
    private string Temporal(int d)
    {
        var type = rng.Pick(["datetime", "duration", "datetime", "decimal"]);
        return P(Extension(type, d)) + " " + rng.Pick(Comparisons) + " " + P(Extension(type, d));
    }

    // `e has a && e.a ...`: the guarded access evaluates, or short-circuits, without error.
    private string Guarded(int d)
    {
        var optional = paths.Where(p => p.Text.Contains('.', StringComparison.Ordinal) || p.Text.Contains('[', StringComparison.Ordinal)).ToList();
        if (optional.Count == 0)
        {
            return Bool(d);
        }

        var (text, type) = rng.Pick(optional);
        var cut = Math.Max(text.LastIndexOf('.'), text.LastIndexOf('['));
        var owner = text[..cut];
        var attribute = text[cut] == '.' ? text[(cut + 1)..] : text[(cut + 1)..^1];
        var test = type.Kind == Model.GenTypeKind.Bool ? text : text + " == " + P(Of(type, d));
        return P(owner + " has " + attribute) + " && " + P(test);
    }

    private string HasTarget(int d) => rng.Chance(0.6) ? Entity(d) : Record(d);

    // `has a`, `has "a b"`, or the nested `has a.b` of Cedar 4.
    private string HasPath()
    {
        var first = rng.Pick(Names.Attributes);
        if (!Names.IsPlainIdentifier(first))
        {
            return CedarText.Quote(first, rng);
        }

        return rng.Chance(0.2) && rng.Pick(Names.Attributes) is var second && Names.IsPlainIdentifier(second) ? first + "." + second : first;
    }

    private string LikePattern()
    {
        var pieces = Enumerable.Range(0, rng.Int(0, 4)).Select(_ => rng.Pick(LikePieces));
        return "\"" + string.Concat(pieces) + "\"";
    }

    private string EntitySet(int d) =>
        rng.Chance(0.7)
            ? "[" + string.Join(", ", Enumerable.Range(0, rng.Int(0, 3)).Select(_ => Entity(d))) + "]"
            : Set(d);
}
