using Airlock.Core.AdminTokens;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

/// <summary>
/// Every admin route but health needs a live admin token. A session token is refused by shape before any
/// lookup, with a message that says so, so that an agent token can never be mistaken for an admin one.
/// </summary>
internal static class AdminAuthentication
{
    public static async Task InvokeAsync(HttpContext context, AdminTokenService tokens, Func<Task> next)
    {
        if (context.Request.Path.Equals("/v1/health", StringComparison.Ordinal))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var presented = BearerToken.From(context.Request);
        if (presented is null)
        {
            throw ApiProblem.Unauthenticated("send an admin token as `Authorization: Bearer <token>` (the root token is printed by `airlock init`)");
        }

        if (!AdminTokenService.LooksLikeAdminToken(presented))
        {
            throw ApiProblem.Unauthenticated(BearerToken.LooksLikeJwt(presented)
                ? "session tokens are not accepted on the admin plane; use an admin token"
                : "the bearer token is not an admin token");
        }

        var token = await tokens.AuthenticateAsync(presented, context.RequestAborted).ConfigureAwait(false)
            ?? throw ApiProblem.Unauthenticated("the admin token is unknown, expired or revoked");
        context.Items[typeof(Core.AdminTokens.AdminToken)] = token;
        await next().ConfigureAwait(false);
    }
}
