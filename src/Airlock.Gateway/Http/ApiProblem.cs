using Airlock.Core;

namespace Airlock.Gateway.Http;

/// <summary>
/// An RFC 9457 problem the API answers with. <see cref="Code"/> is the stable, machine-readable part; the
/// type URI is <c>urn:airlock:problem:{code}</c>.
/// </summary>
public sealed class ApiProblem(int status, string code, string title, string detail, IReadOnlyList<FieldError>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;

    public IReadOnlyList<FieldError> Errors { get; } = errors ?? [];

    /// <summary>A finer machine-readable cause, when there is one (e.g. why a token was refused).</summary>
    public string? Reason { get; init; }

    public static ApiProblem BadRequest(string detail) => new(400, "bad_request", "The request body cannot be read", detail);

    public static ApiProblem Unauthenticated(string detail) => new(401, "unauthenticated", "Authentication is required", detail);

    public static ApiProblem NotFound(string detail) => new(404, "not_found", "Not found", detail);

    public static ApiProblem Internal() =>
        new(500, "internal", "Internal error", "the server failed to complete the request; nothing was changed, and the server log has the details");

    public static ApiProblem From(ControlPlaneException e) => e.Error switch
    {
        ControlPlaneError.NotFound => new(404, "not_found", "Not found", e.Message),
        ControlPlaneError.Conflict => new(409, "conflict", "Conflict", e.Message),
        _ => new(422, "validation", "The request is invalid", e.Message, e.Fields),
    };

    public IResult ToResult() => Results.Json(ToBody(), ApiJson.Options, "application/problem+json", Status);

    public Dictionary<string, object?> ToBody()
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"urn:airlock:problem:{Code}",
            ["title"] = Title,
            ["status"] = Status,
            ["detail"] = Message,
            ["code"] = Code,
        };
        if (Reason is not null)
        {
            body["reason"] = Reason;
        }

        if (Errors.Count > 0)
        {
            body["errors"] = Errors.Select(e => new { field = e.Field, message = e.Message }).ToArray();
        }

        return body;
    }
}
