using Airlock.Core.AdminTokens;
using Airlock.Core.Tokens;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// Every data-plane request must carry a live session token (as a bearer token, or on LLM routes where an SDK sends
/// its API key, <c>x-api-key</c>). Admin tokens are refused by shape, so that an
/// operator credential can never be used to act as an agent. The principal is left in
/// <see cref="HttpContext.Items"/> for the pipeline.
/// </summary>
internal static class SessionAuthentication
{
    public static async Task InvokeAsync(HttpContext context, SessionTokenValidator validator, Func<Task> next)
    {
        var presented = BearerToken.From(context.Request)
            ?? LlmApiKey(context.Request)
            ?? throw ApiProblem.Unauthenticated("send your session token as `Authorization: Bearer <token>`; an operator starts sessions with `airlock session start`");
        if (AdminTokenService.LooksLikeAdminToken(presented))
        {
            throw ApiProblem.Unauthenticated("admin tokens are not accepted on the data plane; use a session token");
        }

        var result = await validator.ValidateAsync(presented, context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ApiProblem(401, "invalid_token", "The session token was refused", result.Message ?? "the session token was refused")
            {
                Reason = result.Failure?.ToString(),
            };
        }

        context.Items[typeof(SessionPrincipal)] = result.Principal;
        await next().ConfigureAwait(false);
    }

    // An LLM SDK sends its key where its provider expects one; Anthropic's is the x-api-key header. The session token
    // goes there in place of the provider key, so it is accepted there, on LLM routes only.
    private static string? LlmApiKey(HttpRequest request) =>
        request.Path.StartsWithSegments("/llm", StringComparison.Ordinal) && request.Headers["x-api-key"] is { Count: 1 } key && key[0] is { Length: > 0 } value
            ? value
            : null;

    public static SessionPrincipal Principal(HttpContext context) =>
        (SessionPrincipal)(context.Items[typeof(SessionPrincipal)] ?? throw new InvalidOperationException("request is not authenticated"));
}
