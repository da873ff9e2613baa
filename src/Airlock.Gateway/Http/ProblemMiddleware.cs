using Airlock.Core;
using Airlock.Core.Secrets;

namespace Airlock.Gateway.Http;

/// <summary>
/// Turns every failure into problem+json. Known refusals keep their message; anything else is a 500 whose
/// body says nothing about the cause (the log has the exception type and message, which never carry a
/// secret value by construction of our exception types).
/// </summary>
internal static class ProblemMiddleware
{
    public static async Task InvokeAsync(HttpContext context, ILogger logger, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var problem = ToProblem(e);
            if (problem.Status >= 500)
            {
                logger.LogError("{Method} {Path} failed: {Type}: {Message}", context.Request.Method, context.Request.Path, e.GetType().Name, e.Message);
            }

            await problem.ToResult().ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    public static ApiProblem ToProblem(Exception e) => e switch
    {
        ApiProblem p => p,
        ControlPlaneException c => ApiProblem.From(c),
        VaultException v => FromVault(v),
        BadHttpRequestException b => new ApiProblem(b.StatusCode, b.StatusCode == 413 ? "too_large" : "bad_request", "Bad request", b.StatusCode == 413 ? "the request body is too large" : "the request is malformed"),
        _ => ApiProblem.Internal(),
    };

    private static ApiProblem FromVault(VaultException e) => e.Error switch
    {
        VaultError.NotFound => new ApiProblem(404, "not_found", "Not found", e.Message),
        VaultError.AlreadyExists => new ApiProblem(409, "conflict", "Conflict", e.Message),
        VaultError.InvalidName => new ApiProblem(422, "validation", "The request is invalid", e.Message, [new FieldError("name", e.Message)]),
        VaultError.InvalidValue => new ApiProblem(422, "validation", "The request is invalid", e.Message, [new FieldError("value", e.Message)]),
        _ => ApiProblem.Internal(),
    };
}
