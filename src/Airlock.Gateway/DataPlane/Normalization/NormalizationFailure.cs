using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane.Normalization;

/// <summary>
/// Why a request was refused before policy: a stable machine-readable <see cref="Code"/> and a plain
/// <see cref="Message"/> that tells the agent what to change. Nothing is forwarded for a refused request.
/// </summary>
public sealed record NormalizationFailure(string Code, string Message)
{
    public const string UnsupportedMethod = "unsupported_method";
    public const string InvalidTarget = "invalid_target";
    public const string NoRoute = "no_route";
    public const string InvalidCharacter = "invalid_character";
    public const string InvalidPercentEncoding = "invalid_percent_encoding";
    public const string EncodedSeparator = "encoded_separator";
    public const string ControlCharacter = "control_character";
    public const string DoubleEncoding = "double_encoding";
    public const string DotSegment = "dot_segment";
    public const string EmptySegment = "empty_segment";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string ConfusableCharacter = "confusable_character";
    public const string InvalidQuery = "invalid_query";

    /// <summary>The HTTP status to answer with: 405 for a method, 404 when no service can be named, 400 otherwise.</summary>
    public int Status => Code switch
    {
        UnsupportedMethod => 405,
        NoRoute => 404,
        _ => 400,
    };

    /// <summary>The problem+json answer for the agent.</summary>
    public ApiProblem ToProblem() => new(Status, Code, Status switch
    {
        405 => "Method not supported",
        404 => "No such route",
        _ => "The request target was refused",
    }, Message);
}
