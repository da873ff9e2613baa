using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

/// <summary>What policies are in force, and why the last reload was refused, if it was.</summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        app.MapGet("/v1/policies", () =>
        {
            var directory = runtime.Policies;
            var bundle = directory.Current;
            var failure = directory.LastFailure;
            return Results.Json(
                new
                {
                    directory = directory.Path,
                    loaded = directory.Path is null ? (DateTimeOffset?)null : bundle.LoadedAt,
                    files = bundle.Files,
                    policies = bundle.Origins.Values.Select(o => new { id = o.Id, file = o.File, line = o.Line, column = o.Column, reason = o.Reason }),
                    last_reload_error = failure is null
                        ? null
                        : new { at = failure.At, errors = failure.Errors.Select(e => e.ToString()) },
                },
                ApiJson.Options);
        });

        app.MapPost("/v1/policies/reload", () =>
        {
            if (runtime.Policies.Path is null)
            {
                throw Core.ControlPlaneException.Invalid("policies", "no policy directory is configured; start airlock serve with --policies DIR");
            }

            return runtime.Policies.Reload()
                ? Results.Json(new { reloaded = true, policies = runtime.Policies.Current.Origins.Count }, ApiJson.Options)
                : new ApiProblem(422, "validation", "The policies are invalid", "the reload was refused and the previous policies stay in force: " + string.Join("; ", runtime.Policies.LastFailure!.Errors)).ToResult();
        });
    }
}
