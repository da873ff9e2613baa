using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airlock.Gateway.Http;

/// <summary>The one JSON dialect of the admin API and config file: snake_case, unknown members refused.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new UtcTimeConverter() },
    };

    /// <summary>The config file allows comments and trailing commas, as people write it by hand.</summary>
    public static readonly JsonSerializerOptions ConfigFileOptions = new(Options)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Deserializes strictly. System.Text.Json answers a polymorphic object without its discriminator with
    /// <see cref="NotSupportedException"/>; it is turned into the <see cref="JsonException"/> every caller already handles.
    /// </summary>
    public static async ValueTask<T?> DeserializeAsync<T>(Stream json, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(json, options, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            throw new JsonException("an object that needs a \"kind\" member (e.g. credential) has none", e);
        }
    }

    /// <summary>Describes a JSON error as "line L, column C (path $.x): message", without echoing input text.</summary>
    public static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "the document";
        var path = string.IsNullOrEmpty(e.Path) ? string.Empty : $" (at {e.Path})";
        return $"{where}{path}: {FirstSentence(e.Message)}";
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own "Path: … | LineNumber: …" tail; we already said where.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
