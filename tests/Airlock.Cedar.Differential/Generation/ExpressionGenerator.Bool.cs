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
            5 when typed => SameKind(d, (a, b) => P(a) + (rng.Chance(0.5) ? " == " : " != ") + P(b)),
            5 => P(Any(d)) + (rng.Chance(0.5) ? " == " : " != ") + P(Any(d)),
            6 => P(Entity(d)) + " in " + P(rng.Chance(0.6) ? Entity(d) : EntitySet(d)),
            7 => P(HasTarget(d)) + " has " + HasPath(),
            8 => P(String(d)) + " like " + LikePattern(),
            9 => P(Entity(d)) + " is " + EntityTypeName() + (rng.Chance(0.4) ? " in " + P(Entity(d)) : string.Empty),
            10 when typed => SetAndElement(d, (set, element) => P(set) + ".contains(" + element + ")"),
            10 => P(Set(d)) + ".contains(" + Any(d) + ")",
            11 when typed => SetAndElement(d, (set, element) => P(set) + (rng.Chance(0.5) ? ".containsAll([" : ".containsAny([") + element + "])"),
            11 => P(Set(d)) + (rng.Chance(0.5) ? ".containsAll(" : ".containsAny(") + Set(d) + ")",
            12 => P(Set(d)) + ".isEmpty()",
            13 => P(Entity(d)) + ".hasTag(" + String(d) + ")",
            14 => P(Extension("decimal", d)) + "." + rng.Pick(DecimalComparisons) + "(" + Extension("decimal", d) + ")",
            15 => P(Extension("ipaddr", d)) + "." + (rng.Chance(0.3) ? "isInRange(" + Extension("ipaddr", d) + ")" : rng.Pick(IpPredicates) + "()"),
            16 => Temporal(d),
            17 => If(Bool(d), Bool(d), Bool(d)),
            18 => Guarded(d),
            19 or 20 when typed => P(Bool(d)) + (rng.Chance(0.5) ? " && " : " || ") + P(Bool(d)),
            19 => P(Entity(d)) + ".getTag(" + String(d) + ")" + (rng.Chance(0.5) ? " == " + P(Any(d)) : string.Empty),
            20 => P(Any(d)) + (rng.Chance(0.5) ? " && " : " || ") + P(Any(d)), // a type error, most of the time
            _ => Path(Model.GenTypeKind.Bool) ?? "true",
        };
    }

    // datetime and duration compare with the ordinary operators since Cedar 4.4; decimal does not.
    private string Temporal(int d)
    {
        var type = rng.Pick<string>(typed ? ["datetime", "duration"] : ["datetime", "duration", "datetime", "decimal"]);
        return P(Extension(type, d)) + " " + rng.Pick(Comparisons) + " " + P(Extension(type, d));
    }

    // `e has a && e.a ...`: the guarded access evaluates, or short-circuits, without error.
    private string Guarded(int d)
    {
        // Only paths whose one optional attribute (if any) is the last: the guard covers exactly that one.
        var optional = paths.Where(p => (p.Text.Contains('.', StringComparison.Ordinal) || p.Text.Contains('[', StringComparison.Ordinal))
            && (p.Optional == 0 || (p.Optional == 1 && p.LastOptional))).ToList();
        if (optional.Count == 0)
        {
            return Bool(d);
        }

        var (text, type, _, _) = rng.Pick(optional);
        var cut = Math.Max(text.LastIndexOf('.'), text.LastIndexOf('['));
        var owner = text[..cut];
        var attribute = text[cut] == '.' ? text[(cut + 1)..] : text[(cut + 1)..^1];
        var test = type.Kind == Model.GenTypeKind.Bool ? text : text + " == " + P(Of(type, d));
        return P(owner + " has " + attribute) + " && " + P(test);
    }

    // Two expressions of one kind, for operators whose operands must agree in type.
    private string SameKind(int d, Func<string, string, string> combine)
    {
        var kind = rng.Pick([Model.GenTypeKind.Long, Model.GenTypeKind.String, Model.GenTypeKind.Bool, Model.GenTypeKind.Entity]);
        return combine(Of(new Model.GenType(kind), d), Of(new Model.GenType(kind), d));
    }

    // A set (a path or a literal) and an expression of its element type.
    private string SetAndElement(int d, Func<string, string, string> combine)
    {
        var sets = paths.Where(p => p.Type.Kind == Model.GenTypeKind.Set && p.Optional == 0
            && p.Type.Element!.Kind is Model.GenTypeKind.Long or Model.GenTypeKind.String or Model.GenTypeKind.Bool or Model.GenTypeKind.Entity).ToList();
        if (sets.Count > 0 && rng.Chance(0.5))
        {
            var (text, type, _, _) = rng.Pick(sets);
            return combine(text, Of(type.Element!, d));
        }

        var kind = new Model.GenType(rng.Pick([Model.GenTypeKind.Long, Model.GenTypeKind.String, Model.GenTypeKind.Entity]));
        var literal = "[" + string.Join(", ", Enumerable.Range(0, rng.Int(1, 3)).Select(_ => Of(kind, d))) + "]";
        return combine(literal, Of(kind, d));
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
