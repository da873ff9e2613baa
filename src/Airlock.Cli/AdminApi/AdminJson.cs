using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airlock.Cli.AdminApi;

/// <summary>The admin API's JSON conventions: <c>snake_case</c> members, nulls left out of requests.</summary>
internal static class AdminJson
{
    /// <summary>Options for every request and response body.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
