namespace Airlock.Core;

/// <summary>
/// The naming rules every name Airlock accepts must follow (docs/admin-api.md, "Names"). Kept narrow so that a
/// name can be used in a URL path, a Cedar entity id, a log line and a file name without escaping.
/// </summary>
public static class Names
{
    /// <summary>Prefix of the gateway's own vault entries (signing keys, the key check); never user-writable.</summary>
    public const string InternalSecretPrefix = "airlock:";

    public const string SecretNameRule = "1–128 characters of A-Z a-z 0-9 _ . -, starting with a letter or digit";
    public const string ServiceNameRule = "1–63 characters of a-z 0-9 -, starting with a letter; llm, mcp and names starting with _ are reserved";
    public const string IdentifierRule = "1–128 characters of A-Z a-z 0-9 _ . @ -, starting with a letter or digit";

    private static readonly HashSet<string> ReservedServiceNames = new(StringComparer.Ordinal) { "llm", "mcp" };

    public static bool IsValidSecretName(string? name) => IsValid(name, 128, static c => IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    public static bool IsInternalSecretName(string name) => name.StartsWith(InternalSecretPrefix, StringComparison.Ordinal);

    public static bool IsValidServiceName(string? name) =>
        name is not null
        && name.Length is > 0 and <= 63
        && char.IsAsciiLetterLower(name[0])
        && name.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !ReservedServiceNames.Contains(name);

    /// <summary>Agent ids, user ids and group names.</summary>
    public static bool IsValidIdentifier(string? id) => IsValid(id, 128, static c => IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or '-');

    private static bool IsValid(string? name, int maxLength, Func<char, bool> allowed) =>
        name is not null
        && name.Length > 0
        && name.Length <= maxLength
        && IsAsciiLetterOrDigit(name[0])
        && name.All(allowed);

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
