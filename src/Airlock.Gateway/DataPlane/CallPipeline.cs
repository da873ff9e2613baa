using System.Diagnostics;
using Airlock.Core.Audit;
using Airlock.Core.Budgets;
using Airlock.Core.Llm;
using Airlock.Core.Policies;
using Airlock.Core.Services;
using Airlock.Core.Sessions;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.DataPlane.Llm;
using Airlock.Gateway.DataPlane.Normalization;
using Airlock.Gateway.DataPlane.RequestBodies;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// One agent call, in the order the product's invariants require: normalize, check scope, check the request carries
/// no held secret, decide with Cedar (agent and mirrored user), seal the decision in the audit log (no record, no
/// call), inject the credential, forward, redact the response as it streams, seal the outcome. A call under
/// <c>/llm/{service}/</c> is an LLM call: its body is read whole and prepared so it can be metered, policy sees its
/// model and worst-case cost, and its outcome records the tokens used. Every refusal is problem+json and is audited.
/// </summary>
internal sealed partial class CallPipeline(GatewayRuntime runtime, UpstreamForwarder forwarder, LeakGuard leaks)
{
    private const string ReasonHeader = "Airlock-Reason";
    private const string LlmPrefix = "/llm";

    // An LLM body is read whole to be metered; the listener's own limit bounds it.
    private const int LlmBodyLimit = 10 * 1024 * 1024;

    private readonly SessionHistory _history = new(runtime.Store.Audit);

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var started = Stopwatch.GetTimestamp();
        var principal = SessionAuthentication.Principal(context);
        var session = await runtime.Sessions.GetSessionAsync(principal.SessionId, ct).ConfigureAwait(false)
            ?? throw ApiProblem.Unauthenticated("the session no longer exists");
        var reason = context.Request.Headers[ReasonHeader].ToString() is { Length: > 0 } r ? Truncate(r, 1024) : null;
        var record = new AuditRecord
        {
            Kind = AuditRecordKind.Decision,
            Time = runtime.Time.GetUtcNow(),
            SessionId = session.Id,
            AgentId = session.AgentId,
            UserId = session.UserId,
            Method = context.Request.Method,
            Intent = session.Intent,
            Reason = reason,
        };

        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>();
        var llmRoute = IsLlmTarget(raw.RawTarget);
        if (!RequestNormalizer.TryNormalize(raw.Method, llmRoute ? raw.RawTarget[LlmPrefix.Length..] : raw.RawTarget, out var request, out var failure))
        {
            await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = [failure.Code] }, failure.ToProblem(), session.Id).ConfigureAwait(false);
            return;
        }

        record = record with
        {
            Method = request.Method,
            Service = request.Service,
            Path = request.Path,
            ParametersDigest = request.Query.Length == 0 ? null : runtime.AuditHmac.Digest(request.Query),
        };
        var service = runtime.Services.Find(request.Service);
        var refusal = service is null
            ? new ApiProblem(404, "no_route", "No such service", $"no service named '{request.Service}' is registered")
            : CheckRoute(service, llmRoute, request) ?? CheckScope(session, request);
        if (refusal is not null)
        {
            await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = [refusal.Code] }, refusal, session.Id).ConfigureAwait(false);
            return;
        }

        var patterns = leaks.Current;
        var exfiltration = patterns.CreateExfiltrationCheck();
        exfiltration.ScanUrl(request.Path + (request.Query.Length > 0 ? "?" + request.Query : string.Empty));
        foreach (var (name, values) in context.Request.Headers)
        {
            exfiltration.ScanHeader(name, values.ToString());
        }

        AgentRequestBody body;
        try
        {
            body = llmRoute
                ? await AgentRequestBody.ReadAsync(context, exfiltration, ct, LlmBodyLimit).ConfigureAwait(false)
                : await AgentRequestBody.ReadAsync(context, exfiltration, ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            var tooLarge = e.StatusCode == 413;
            await RefuseAsync(
                context,
                record with { Decision = AuditDecision.Deny, Errors = [tooLarge ? "body_too_large" : "body_unreadable"] },
                tooLarge
                    ? new ApiProblem(413, "too_large", "Request body too large", "the request body is larger than the data plane accepts; send less")
                    : new ApiProblem(400, "bad_request", "Bad request", "the request body could not be read; check its framing (Content-Length or chunked)"),
                session.Id).ConfigureAwait(false);
            return;
        }

        using (body)
        {
            var call = new Call(context, session, service!, request, reason, body, patterns, exfiltration, started);
            await DecideAndForwardAsync(call, record).ConfigureAwait(false);
        }
    }

    private async Task DecideAndForwardAsync(Call call, AuditRecord record)
    {
        var (context, session, service, request) = (call.Context, call.Session, call.Service, call.Request);
        var ct = context.RequestAborted;
        if (call.Exfiltration.Found)
        {
            await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = ExfiltrationRefusal.Reasons(call.Exfiltration) }, ExfiltrationRefusal.Problem, session.Id).ConfigureAwait(false);
            return;
        }

        LlmPlan? llm = null;
        if (service.Llm is { } settings)
        {
            if (!LlmPlanner.TryPlan(service.Name, settings, request, call.Body, out llm, out var problem))
            {
                await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = [problem.Code] }, problem, session.Id).ConfigureAwait(false);
                return;
            }

            record = record with { Model = llm.ModelName is null ? null : $"{service.Name}/{llm.ModelName}", CostMicros = llm.Facts.EstimatedCostMicros };
        }

        var decision = await DecideAsync(call, llm?.Facts, ct).ConfigureAwait(false);
        record = record with
        {
            Decision = decision.Allowed ? AuditDecision.Permit : AuditDecision.Deny,
            Policies = decision.DeterminingPolicies,
            Errors = decision.Errors,
        };
        if (!decision.Allowed)
        {
            await RefuseAsync(context, record, new ApiProblem(403, "denied", "Denied by policy", decision.DeniedReason ?? "denied by policy"), session.Id).ConfigureAwait(false);
            return;
        }

        BudgetReservation? reservation = null;
        if (llm is not null)
        {
            reservation = await ReserveAsync(call, record, llm).ConfigureAwait(false);
            if (reservation is null)
            {
                return;
            }
        }

        var charge = new LlmCharge(new LlmUsage(0, 0), 0);
        try
        {
            // Invariant 2: the permit is sealed before anything reaches the upstream.
            var decisionSequence = await SealAsync(record, ct).ConfigureAwait(false);
            await _history.RecordAsync(session.Id, denied: false, ct).ConfigureAwait(false);

            RenderedCredential credential;
            try
            {
                credential = await runtime.Credentials.RenderAsync(service, ct).ConfigureAwait(false);
            }
            catch (CredentialUnavailableException)
            {
                await SealOutcomeAsync(decisionSequence, record, new Outcome(502, 0, call.Started)).ConfigureAwait(false);
                await new ApiProblem(502, "credential_unavailable", "Upstream credential unavailable", "Airlock could not obtain the credential for this service; an operator has to fix it").ToResult().ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            charge = await ForwardAsync(call, record, decisionSequence, credential, llm).ConfigureAwait(false) ?? charge;
        }
        finally
        {
            if (reservation is not null)
            {
                await SettleAsync(reservation, charge).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Forwards the call and seals its outcome; returns what an LLM call is charged, null for a plain call.</summary>
    private async Task<LlmCharge?> ForwardAsync(Call call, AuditRecord record, long decisionSequence, RenderedCredential credential, LlmPlan? llm)
    {
        var context = call.Context;
        // Read again after rendering: a token obtained for this very call has just joined the set.
        var responsePatterns = leaks.Current;
        using var redactor = responsePatterns.CreateRedactor();
        var headerRedactions = new List<string>();
        LlmUsageMeter? meter = null;
        Core.Leaks.Sse.SseDeltaRedactor? deltas = null;
        var forwardedBody = llm is null
            ? call.Body.ToForwarded(call.Exfiltration, call.Patterns.MaxPatternLength)
            : new ForwardedBody(new MemoryStream(llm.Body.ToArray(), writable: false), llm.Body.Length);
        ForwardResult result;
        await using (forwardedBody?.Source)
        {
            result = await forwarder.ForwardAsync(
                context,
                call.Service,
                call.Request,
                credential,
                response =>
                {
                    Stream redacted = new RedactingStream(response, redactor);
                    if (llm is null)
                    {
                        return redacted;
                    }

                    var eventStream = IsEventStream(context.Response.ContentType);
                    meter = new LlmUsageMeter(llm.Endpoint, llm.Body.Length, eventStream);
                    if (eventStream)
                    {
                        // A model streams text a few characters per event: a secret it echoes is split across events.
                        deltas = new Core.Leaks.Sse.SseDeltaRedactor(responsePatterns);
                        redacted = new DeltaRedactingStream(redacted, deltas);
                    }

                    return new MeteringStream(redacted, meter);
                },
                context.RequestAborted,
                headers => RedactHeaders(headers, responsePatterns, headerRedactions),
                forwardedBody).ConfigureAwait(false);
        }

        // A secret found in the body after the permit: the upstream request was aborted before any of it was sent.
        var errors = result.Error == ForwardError.RequestBodyRefused ? ExfiltrationRefusal.Reasons(call.Exfiltration) : null;
        var outcome = new Outcome(result.StatusCode, result.ResponseBodyBytes, call.Started, redactor, headerRedactions, errors) { DeltaRedactions = deltas?.Redactions.ToList() };
        deltas?.Dispose();
        if (llm is not null)
        {
            outcome = outcome with { Usage = LlmPlanner.Charge(llm, result, meter) };
        }

        if (llm is null && !context.RequestAborted.IsCancellationRequested)
        {
            // The agent has its whole answer before the outcome is sealed: the decision record, which gates the call,
            // is already in the log, and the outcome is bookkeeping that need not cost the agent a commit. Queued, not
            // awaited, because Kestrel reads the connection's next request only once this handler has returned. An
            // LLM call is different: it is settled against budgets first, so its next call is reserved against real
            // spend.
            try
            {
                await context.Response.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The agent went away as the answer ended; the outcome is recorded all the same.
            }

            QueueOutcome(decisionSequence, record, outcome);
            return null;
        }

        await SealOutcomeAsync(decisionSequence, record, outcome).ConfigureAwait(false);
        return outcome.Usage;
    }

    private async Task<CallDecision> DecideAsync(Call call, LlmFacts? llm, CancellationToken ct)
    {
        var session = call.Session;
        var agent = await runtime.Sessions.GetAgentAsync(session.AgentId, ct).ConfigureAwait(false)
            ?? throw ApiProblem.Unauthenticated("the session's agent no longer exists");
        var user = session.UserId is null ? null : await runtime.Sessions.GetUserAsync(session.UserId, session.CreatedAt, ct).ConfigureAwait(false);

        var headers = ForwardedHeaders.ForPolicy(call.Context.Request.Headers, call.Service.Credential is HeaderCredential h ? [h.Header] : []);
        var jsonBody = call.Service.PolicyBody && llm is null && call.Body.Whole is { } whole && IsJson(call.Context.Request.ContentType)
            ? JsonBodyFields.TryRead(whole.Span)
            : null;
        var (calls, denials) = await _history.GetAsync(session.Id, ct).ConfigureAwait(false);
        var request = call.Request;
        var httpCall = new HttpCall(
            session, agent, user, request.Method, request.Service, request.Path, request.Query, call.Reason, call.Body.DeclaredLength ?? 0,
            runtime.Time.GetUtcNow(), calls, denials, headers, jsonBody, llm);
        try
        {
            return CallAuthorizer.Decide(runtime.Policies.Current, httpCall);
        }
#pragma warning disable CA1031 // Fail closed: any failure to decide is a denial, recorded with its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new CallDecision(false, [], [$"decision failed: {e.GetType().Name}"], "Airlock could not decide this call, so it is refused");
        }
    }

    private static bool IsLlmTarget(string rawTarget) =>
        rawTarget.StartsWith(LlmPrefix + "/", StringComparison.Ordinal);

    // An LLM service is reached only under /llm/, where its calls are metered; a plain service never is.
    private static ApiProblem? CheckRoute(ServiceDefinition service, bool llmRoute, NormalizedRequest request) => (llmRoute, service.Llm) switch
    {
        (false, not null) => new ApiProblem(403, "llm_route_required", "Call this service under /llm/",
            $"service '{service.Name}' is an LLM provider; call it at /llm/{service.Name}/… so that its use is metered and budgeted"),
        (true, null) => new ApiProblem(404, "not_an_llm_service", "Not an LLM service",
            $"service '{service.Name}' is not an LLM provider; call it at /{service.Name}/…"),
        (true, { } llm) when LlmEndpoints.Match(llm.Provider, request.Method, request.Path) is null => new ApiProblem(404, "unsupported_endpoint", "Endpoint not mediated",
            $"Airlock meters {LlmEndpoints.Describe(llm.Provider)} on this service; {request.Method} {request.Path} is not one of them"),
        _ => null,
    };

    private static ApiProblem? CheckScope(Session session, NormalizedRequest request) =>
        session.Scope.Count == 0 || session.Scope.Any(s => s == request.Service || s.StartsWith(request.Service + "/", StringComparison.Ordinal))
            ? null
            : new ApiProblem(403, "out_of_scope", "Outside the session's scope",
                $"this session was started for {string.Join(", ", session.Scope)}; {request.Service} is outside it. Ask for a session whose scope includes it.");

    private static bool IsEventStream(string? contentType) =>
        (contentType ?? string.Empty).Split(';', 2)[0].Trim().Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    // application/json and the +json structured suffix (RFC 6839), any parameters after `;`.
    private static bool IsJson(string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>What one call carries from step to step once it is routed and its body read.</summary>
    private sealed record Call(
        HttpContext Context,
        Session Session,
        ServiceDefinition Service,
        NormalizedRequest Request,
        string? Reason,
        AgentRequestBody Body,
        Core.Leaks.SecretPatternSet Patterns,
        Core.Leaks.ExfiltrationCheck Exfiltration,
        long Started);
}
