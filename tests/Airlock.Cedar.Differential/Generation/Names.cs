namespace Airlock.Cedar.Differential.Generation;

/// <summary>
/// The small pools names and strings are drawn from. Small on purpose: references collide often, and the
/// odd ones (keywords, empty, non-ASCII, quotes) reach the corners of parsers and escapes.
/// </summary>
public static class Names
{
    public static readonly IReadOnlyList<string> Namespaces = [string.Empty, string.Empty, "NS", "Acme::Corp", "a1"];

    public static readonly IReadOnlyList<string> EntityTypes = ["User", "Group", "Doc", "Folder", "Team", "Role", "Tenant", "r", "A", "Thing"];

    public static readonly IReadOnlyList<string> CommonTypes = ["Addr", "Info", "Ctx", "T0"];

    public static readonly IReadOnlyList<string> Attributes =
    [
        "name", "owner", "level", "flag", "ip", "when", "amount", "nested", "members", "a", "b", "x",
        "name", "owner", "level", "a", "b", "is", "in", "if", "has", "like", "principal", "true", "then",
        "has space", "", "ü", "__cedar", "a-b",
    ];

    public static readonly IReadOnlyList<string> Actions = ["view", "edit", "delete", "read", "write", "list", "do it", "ü"];

    public static readonly IReadOnlyList<string> ActionGroups = ["all", "readOnly"];

    public static readonly IReadOnlyList<string> EntityIds = ["alice", "bob", "alice", "bob", "carol", string.Empty, "0", "a\"b", "ü", "x y", "*", "\\"];

    public static readonly IReadOnlyList<string> Strings =
    [
        string.Empty, "a", "b", "ab", "ba", "abc", "alice", "bob", "a*b", "*", "**", "\\", "\\*", "\"", "ü", "\U0001F600", "\n", "\t", "\0", "a b", "A",
    ];

    public static readonly IReadOnlyList<string> TagKeys = ["a", "b", "k", string.Empty, "has space", "ü"];

    /// <summary>True for a Cedar identifier that is not reserved, so it may appear unquoted after a dot or in a schema.</summary>
    public static bool IsPlainIdentifier(string s) =>
        s.Length > 0
        && (char.IsAsciiLetter(s[0]) || s[0] == '_')
        && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !Reserved.Contains(s);

    // Cedar's reserved identifiers; `has`, `like` and `is` are allowed as attribute names after a dot, but
    // these are not (and treating them all as reserved only makes the generator quote more).
    private static readonly HashSet<string> Reserved =
        ["true", "false", "if", "then", "else", "in", "is", "like", "has", "principal", "action", "resource", "context", "permit", "forbid", "when", "unless", "__cedar"];
}
