using System.Globalization;
using System.Text;

namespace Airlock.Cedar.Differential.Generation;

/// <summary>Cedar source fragments: string literals (with every escape form), names that may need quoting.</summary>
public static class CedarText
{
    /// <summary>
    /// A Cedar string literal. Control characters, quotes and backslashes are always escaped; with a random
    /// source, other characters sometimes are too (<c>\u{..}</c>, <c>\'</c>), since both engines must read them alike.
    /// </summary>
    public static string Quote(string s, Rng? rng = null)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append(rng?.Chance(0.5) == true ? "\\0" : "\\u{0}"); break;
                case '\'' when rng?.Chance(0.3) == true: sb.Append("\\'"); break;
                default:
                    if (c < 0x20 || c == 0x7f || rng?.Chance(0.05) == true)
                    {
                        sb.Append("\\u{").Append(c.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>An attribute or record key as a schema or record literal writes it: bare when it can be, else quoted.</summary>
    public static string Key(string name, Rng rng) => Names.IsPlainIdentifier(name) && rng.Chance(0.7) ? name : Quote(name);

    /// <summary>An entity reference literal such as <c>NS::User::"alice"</c>.</summary>
    public static string Uid(string type, string id, Rng? rng = null) => type + "::" + Quote(id, rng);
}
