using System.Globalization;
using System.Text;

namespace Airlock.Gateway.DataPlane.Normalization;

/// <summary>
/// Characters refused in a path even when well-formed UTF-8: those whose Unicode compatibility form (NFKC) holds
/// <c>. / \ % ? # ;</c>, so that a server normalizing text would see a dot segment or a separator policy never saw;
/// look-alike separators without such a mapping; and characters a reader cannot see (controls, format characters,
/// non-ASCII spaces and line separators). The NFKC list was generated once from the Unicode data; in-process
/// normalization is unavailable here because the gateway runs with invariant globalization.
/// </summary>
internal static class ConfusableCharacters
{
    private static readonly HashSet<int> Refused =
    [
        // NFKC contains one of . / \ % ? # ;
        0x037E, 0x2024, 0x2025, 0x2026, 0x2047, 0x2048, 0x2049, 0x2100, 0x2101, 0x2105, 0x2106,
        0x33C2, 0x33C7, 0x33D8, 0xFE14, 0xFE16, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE56, 0xFE5F,
        0xFE68, 0xFE6A, 0xFF03, 0xFF05, 0xFF0E, 0xFF0F, 0xFF1B, 0xFF1F, 0xFF3C, 0x1F100,
        // Look-alikes of '/', '\' and '.' with no compatibility mapping.
        0x2044, 0x2215, 0x2216, 0x29F5, 0x29F8, 0x29F9, 0x3002, 0xFF61,
        // The replacement character means text was already mangled somewhere.
        0xFFFD,
    ];

    public static bool IsRefused(Rune rune)
    {
        if (Refused.Contains(rune.Value) || rune.Value is >= 0x2488 and <= 0x249B)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
