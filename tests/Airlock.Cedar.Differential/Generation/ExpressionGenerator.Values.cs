using Airlock.Cedar.Differential.Generation.Model;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>Non-boolean expressions: arithmetic near overflow, strings, entities, sets, records, extension values.</summary>
public sealed partial class ExpressionGenerator
{
    // Near the 64-bit limits, so that +, - and * overflow now and then; literals may be any 64-bit integer.
    private static readonly string[] Longs =
    [
        "0", "1", "2", "-1", "10", "42", "9223372036854775807", "-9223372036854775808", "9223372036854775806",
        "4611686018427387904", "3037000499", "3037000500", "-3037000500", "2147483647", "-2147483648", "- 1", "-(1)", "--1",
    ];

    private static readonly string[] DurationUnits = ["toDays", "toHours", "toMinutes", "toSeconds", "toMilliseconds"];

    public string Long(int depth)
    {
        if (depth <= 0 || rng.Chance(0.2))
        {
            return rng.Chance(0.4) && Path(GenTypeKind.Long) is { } path ? path : LongLiteral();
        }

        var d = depth - 1;
        return rng.Int(0, 9) switch
        {
            0 or 1 => P(Long(d)) + " + " + P(Long(d)),
            2 => P(Long(d)) + " - " + P(Long(d)),
            3 => P(Long(d)) + " * " + P(Long(d)),
            4 => "-" + P(Long(d)),
            5 => P(Extension("duration", d)) + "." + rng.Pick(DurationUnits) + "()",
            6 => P(Extension("datetime", d)) + ".durationSince(" + Extension("datetime", d) + ")." + rng.Pick(DurationUnits) + "()",
            7 => If(Bool(d), Long(d), Long(d)),
            8 when !typed => P(Entity(d)) + ".getTag(" + String(d) + ")",
            _ => Path(GenTypeKind.Long) ?? LongLiteral(),
        };
    }

    public string String(int depth)
    {
        if (depth <= 0 || rng.Chance(0.5))
        {
            return rng.Chance(0.4) && Path(GenTypeKind.String) is { } path ? path : CedarText.Quote(rng.Pick(Names.Strings), rng);
        }

        return If(Bool(depth - 1), String(depth - 1), String(depth - 1));
    }

    public string Entity(int depth)
    {
        if (depth <= 0 || rng.Chance(0.6))
        {
            return rng.Int(0, 5) switch
            {
                0 => "principal",
                1 => "resource",
                2 => rng.Chance(0.5) ? "action" : ActionLiteral(),
                3 => Path(GenTypeKind.Entity) ?? UidLiteral(),
                _ => UidLiteral(),
            };
        }

        return If(Bool(depth - 1), Entity(depth - 1), Entity(depth - 1));
    }

    public string Set(int depth)
    {
        if (rng.Chance(0.35) && Path(GenTypeKind.Set) is { } path)
        {
            return path;
        }

        var d = Math.Max(depth - 1, 0);
        Func<int, string> element = rng.Int(0, typed ? 3 : 4) switch
        {
            0 => Long,
            1 => String,
            2 => Entity,
            3 => Bool,
            _ => Any,
        };
        return "[" + string.Join(", ", Enumerable.Range(0, depth > 0 ? rng.Int(0, 3) : rng.Int(0, 1)).Select(_ => element(d))) + "]";
    }

    public string Record(int depth)
    {
        if (rng.Chance(0.4) && Path(GenTypeKind.Record) is { } path)
        {
            return path;
        }

        var d = Math.Max(depth - 1, 0);
        var fields = Enumerable.Range(0, depth > 0 ? rng.Int(0, 3) : 0)
            .Select(_ => CedarText.Key(rng.Pick(Names.Attributes), rng) + ": " + (depth > 0 ? Any(d) : Long(0)));
        return "{" + string.Join(", ", fields) + "}";
    }

    public string Extension(string type, int depth)
    {
        if (rng.Chance(0.3) && Path(GenTypeKind.Extension, type) is { } path)
        {
            return path;
        }

        if (depth > 0 && type == "datetime" && rng.Chance(0.3))
        {
            return P(Extension("datetime", depth - 1)) + (rng.Chance(0.5) ? ".offset(" + Extension("duration", depth - 1) + ")" : rng.Chance(0.5) ? ".toDate()" : ".toTime()");
        }

        return ExtensionLiterals.Constructor(type) + "(" + CedarText.Quote(ExtensionLiterals.Pick(type, rng, typed ? 0.01 : 0.08), rng) + ")";
    }

    private string LongLiteral() => rng.Chance(0.6) ? rng.Int(-3, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : rng.Pick(Longs);
}
