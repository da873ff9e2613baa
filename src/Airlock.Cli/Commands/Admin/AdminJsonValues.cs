using System.Text.Json;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary>Shows JSON values whose type the contract leaves open, such as <c>revoked</c> (a time or a flag).</summary>
internal static class AdminJsonValues
{
    /// <summary>A time as <see cref="TextTable.Time"/> shows it, <c>yes</c>/<c>no</c> for a flag, <c>-</c> for null or absent.</summary>
    public static string TimeOrFlag(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String when value.Value.TryGetDateTimeOffset(out var time) => TextTable.Time(time),
        JsonValueKind.String => value.Value.GetString() ?? "-",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => "-",
    };
}
