using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Identifier and name rules shared by both schema formats.</summary>
internal static class Identifiers
{
    /// <summary>The namespace that holds the builtin types; no user declaration may use it.</summary>
    public const string CedarNamespace = "__cedar";

    // Words Cedar never accepts as an identifier (the policy grammar's reserved words).
    private static readonly HashSet<string> ReservedWords =
        new(["true", "false", "if", "then", "else", "in", "is", "like", "has"], StringComparer.Ordinal);

    // Basenames a common type may not take, because the JSON format uses them as type keywords.
    private static readonly HashSet<string> ReservedCommonTypeNames =
        new(["Bool", "Boolean", "Entity", "Extension", "Long", "Record", "Set", "String"], StringComparer.Ordinal);

    /// <summary>True when <paramref name="s"/> matches <c>[_a-zA-Z][_a-zA-Z0-9]*</c>.</summary>
    public static bool IsIdentifierSyntax(string s)
    {
        if (s.Length == 0 || !IsIdentifierStart(s[0]))
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (!IsIdentifierPart(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIdentifierStart(char c) => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    /// <summary>True for the words that can never be identifiers, such as <c>in</c> and <c>true</c>.</summary>
    public static bool IsReservedWord(string s) => ReservedWords.Contains(s);

    /// <summary>True when <paramref name="s"/> is an identifier that is not a reserved word.</summary>
    public static bool IsValidIdentifier(string s) => IsIdentifierSyntax(s) && !IsReservedWord(s);

    /// <summary>True for the names a common type may not have.</summary>
    public static bool IsReservedCommonTypeName(string s) => ReservedCommonTypeNames.Contains(s);

    /// <summary>True when any <c>::</c>-separated part of <paramref name="name"/> is <c>__cedar</c>.</summary>
    public static bool ContainsCedarNamespace(string name) =>
        name.Split("::").Any(part => part == CedarNamespace);

    /// <summary>Joins a namespace (empty for none) and a basename.</summary>
    public static string Qualify(string ns, string basename) => ns.Length == 0 ? basename : ns + "::" + basename;

    /// <summary>The part after the last <c>::</c>.</summary>
    public static string Basename(string name)
    {
        var i = name.LastIndexOf("::", StringComparison.Ordinal);
        return i < 0 ? name : name[(i + 2)..];
    }

    /// <summary>The part before the last <c>::</c>, or empty.</summary>
    public static string NamespaceOf(string name)
    {
        var i = name.LastIndexOf("::", StringComparison.Ordinal);
        return i < 0 ? string.Empty : name[..i];
    }

    /// <summary>True when every <c>::</c>-separated part is a valid identifier (a normalized name with no spaces).</summary>
    public static bool IsValidPath(string name)
    {
        foreach (var part in name.Split("::"))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes an attribute or action name as an identifier when possible, else as a quoted string.</summary>
    public static string FormatName(string name) => IsValidIdentifier(name) ? name : CedarString.Quote(name);
}
