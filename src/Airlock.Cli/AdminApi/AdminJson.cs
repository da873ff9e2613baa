using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airlock.Cli.AdminApi;

/// <summary>
/// The admin API's JSON conventions: <c>snake_case</c> members, nulls left out of requests. Answers must carry every
/// member the models require, non-null where the model says so: an answer that does not is not the admin API's, and
/// is reported as such instead of being printed with holes.
/// </summary>
internal static class AdminJson
{
    /// <summary>Options for every request and response body.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
