namespace Airlock.Cli.Input;

/// <summary>The name rules of docs/admin-api.md ("Names"), checked before anything is sent so a typo changes nothing.</summary>
internal static class AdminNames
{
    /// <summary>Service names the gateway keeps for its own routes.</summary>
    private static readonly string[] ReservedServices = ["llm", "mcp"];

    /// <summary>Checks a secret name: 1–128 of <c>A-Z a-z 0-9 _ . -</c>, starting with a letter or digit.</summary>
    public static string Secret(string name, string where)
    {
        if (name.StartsWith("airlock:", StringComparison.Ordinal))
        {
            throw new UsageException(
                $"{where}: `{name}` is an internal name",
                "names starting with `airlock:` belong to the gateway (its signing keys); choose another name");
        }

        return Check(name, where, "secret name", 128, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-', char.IsAsciiLetterOrDigit,
            "use 1–128 letters, digits, `_`, `.` or `-`, starting with a letter or digit, e.g. github_token");
    }

    /// <summary>Checks a service name: 1–63 of <c>a-z 0-9 -</c>, starting with a letter, and not reserved.</summary>
    public static string Service(string name, string where)
    {
        Check(name, where, "service name", 63, c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-', char.IsAsciiLetterLower,
            "use 1–63 lowercase letters, digits or `-`, starting with a letter, e.g. github");
        if (ReservedServices.Contains(name))
        {
            throw new UsageException($"{where}: `{name}` is reserved for Airlock's own routes", "choose another service name");
        }

        return name;
    }

    /// <summary>Checks an agent id, user id or group name: 1–128 of <c>A-Z a-z 0-9 _ . @ -</c>, starting with a letter or digit.</summary>
    public static string Identity(string name, string where, string what) =>
        Check(name, where, what, 128, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or '-', char.IsAsciiLetterOrDigit,
            "use 1–128 letters, digits, `_`, `.`, `@` or `-`, starting with a letter or digit, e.g. triage-bot or alice@example.com");

    private static string Check(string name, string where, string what, int maxLength, Func<char, bool> allowed, Func<char, bool> first, string help)
    {
        if (name.Length == 0)
        {
            throw new UsageException($"{where}: the {what} is empty", help);
        }

        if (name.Length > maxLength)
        {
            throw new UsageException($"{where}: the {what} is {name.Length} characters long; the limit is {maxLength}", help);
        }

        if (!first(name[0]))
        {
            throw new UsageException($"{where}: `{Shown(name)}` is not a valid {what}: it must start with {(maxLength == 63 ? "a lowercase letter" : "a letter or digit")}", help);
        }

        var bad = IndexOfFirst(name, c => !allowed(c));
        if (bad >= 0)
        {
            throw new UsageException(
                $"{where}: `{Shown(name)}` is not a valid {what}: `{Shown(name[bad].ToString())}` (position {bad + 1}) is not allowed", help);
        }

        return name;
    }

    private static int IndexOfFirst(string text, Func<char, bool> predicate)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (predicate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Shows user input with control characters escaped, so an error message cannot garble the terminal.</summary>
    public static string Shown(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
