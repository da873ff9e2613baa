using System.Diagnostics;
using Airlock.Core.Audit;
using Airlock.Core.Leaks;
using Airlock.Core.Policies;
using Airlock.Core.Services;
using Airlock.Core.Sessions;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.DataPlane.Normalization;
using Airlock.Gateway.DataPlane.RequestBodies;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane;

/// <summary>
/// One agent HTTP call, in the order the product's invariants require: normalize, check scope, decide with
/// Cedar (agent and mirrored user), seal the decision in the audit log (no record, no call), check the request
/// carries no held secret, inject the credential, forward, redact the response as it streams, seal the outcome.
/// Every refusal is problem+json and is audited.
/// </summary>
internal sealed class CallPipeline(GatewayRuntime runtime, UpstreamForwarder forwarder, LeakGuard leaks)
{
    private const string ReasonHeader = "Airlock-Reason";

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

        if (!RequestNormalizer.TryNormalize(context, out var request, out var failure))
        {
            await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = [failure!.Code] }, failure.ToProblem(), session.Id).ConfigureAwait(false);
            return;
        }

        record = record with
        {
            Method = request!.Method,
            Service = request.Service,
            Path = request.Path,
            ParametersDigest = request.Query.Length == 0 ? null : runtime.AuditHmac.Digest(request.Query),
        };
        var service = runtime.Services.Find(request.Service);
        if (service is null)
        {
            await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = ["no_route"] }, new ApiProblem(404, "no_route", "No such service", $"no service named '{request.Service}' is registered"), session.Id).ConfigureAwait(false);
            return;
        }

        if (!InScope(session, request))
        {
            await RefuseAsync(
                context,
                record with { Decision = AuditDecision.Deny, Errors = ["out_of_scope"] },
                new ApiProblem(403, "out_of_scope", "Outside the session's scope", $"this session was started for {string.Join(", ", session.Scope)}; {request.Service} is outside it. Ask for a session whose scope includes it."),
                session.Id).ConfigureAwait(false);
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
            body = await AgentRequestBody.ReadAsync(context, exfiltration, ct).ConfigureAwait(false);
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
            await DecideAndForwardAsync(context, session, service, request, record, reason, body, patterns, exfiltration, started).ConfigureAwait(false);
        }
    }

    private async Task DecideAndForwardAsync(
        HttpContext context,
        Session session,
        ServiceDefinition service,
        NormalizedRequest request,
        AuditRecord record,
        string? reason,
        AgentRequestBody body,
        SecretPatternSet patterns,
        ExfiltrationCheck exfiltration,
        long started)
    {
        var ct = context.RequestAborted;
        if (exfiltration.Found)
        {
            await RefuseAsync(context, record with { Decision = AuditDecision.Deny, Errors = ExfiltrationRefusal.Reasons(exfiltration) }, ExfiltrationRefusal.Problem, session.Id).ConfigureAwait(false);
            return;
        }

        var headers = ForwardedHeaders.ForPolicy(context.Request.Headers, service.Credential is HeaderCredential h ? [h.Header] : []);
        var jsonBody = service.PolicyBody && body.Whole is { } whole && IsJson(context.Request.ContentType) ? JsonBodyFields.TryRead(whole.Span) : null;
        var decision = await DecideAsync(session, request, reason, body.DeclaredLength ?? 0, headers, jsonBody, ct).ConfigureAwait(false);
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
            await SealOutcomeAsync(decisionSequence, record, 502, 0, started, null).ConfigureAwait(false);
            await new ApiProblem(502, "credential_unavailable", "Upstream credential unavailable", "Airlock could not obtain the credential for this service; an operator has to fix it").ToResult().ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // Read again after rendering: a token obtained for this very call has just joined the set.
        var responsePatterns = leaks.Current;
        using var redactor = responsePatterns.CreateRedactor();
        var headerRedactions = new List<string>();
        var forwardedBody = body.ToForwarded(exfiltration, patterns.MaxPatternLength);
        ForwardResult result;
        await using (forwardedBody?.Source)
        {
            result = await forwarder.ForwardAsync(
                context,
                service,
                request,
                credential,
                response => new RedactingStream(response, redactor),
                ct,
                headers => RedactHeaders(headers, responsePatterns, headerRedactions),
                forwardedBody).ConfigureAwait(false);
        }

        // A secret found in the body after the permit: the upstream request was aborted before any of it was sent.
        var errors = result.Error == ForwardError.RequestBodyRefused ? ExfiltrationRefusal.Reasons(exfiltration) : null;
        await SealOutcomeAsync(decisionSequence, record, result.StatusCode, result.ResponseBodyBytes, started, redactor, headerRedactions, errors).ConfigureAwait(false);
    }

    private static bool InScope(Session session, NormalizedRequest request) =>
        session.Scope.Count == 0
        || session.Scope.Any(s => s == request.Service || s.StartsWith(request.Service + "/", StringComparison.Ordinal));

    private async Task<CallDecision> DecideAsync(
        Session session,
        NormalizedRequest request,
        string? reason,
        long bodyBytes,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyDictionary<string, string>? jsonBody,
        CancellationToken ct)
    {
        var agent = await runtime.Sessions.GetAgentAsync(session.AgentId, ct).ConfigureAwait(false)
            ?? throw ApiProblem.Unauthenticated("the session's agent no longer exists");
        var user = session.UserId is null ? null : await runtime.Sessions.GetUserAsync(session.UserId, session.CreatedAt, ct).ConfigureAwait(false);

        var (calls, denials) = await _history.GetAsync(session.Id, ct).ConfigureAwait(false);
        var call = new HttpCall(session, agent, user, request.Method, request.Service, request.Path, request.Query, reason, bodyBytes, runtime.Time.GetUtcNow(), calls, denials, headers, jsonBody);
        try
        {
            return CallAuthorizer.Decide(runtime.Policies.Current, call);
        }
#pragma warning disable CA1031 // Fail closed: any failure to decide is a denial, recorded with its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new CallDecision(false, [], [$"decision failed: {e.GetType().Name}"], "Airlock could not decide this call, so it is refused");
        }
    }

    private async Task RefuseAsync(HttpContext context, AuditRecord record, ApiProblem problem, string sessionId)
    {
        await _history.RecordAsync(sessionId, denied: true, context.RequestAborted).ConfigureAwait(false);
        await SealAsync(record, context.RequestAborted).ConfigureAwait(false);
        await problem.ToResult().ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<long> SealAsync(AuditRecord record, CancellationToken ct)
    {
        try
        {
            return await runtime.Audit.AppendAsync(record, ct).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            // Fail closed: an unrecorded call does not happen.
            throw new ApiProblem(503, "audit_unavailable", "Audit log unavailable", "the call was refused because its audit record could not be written; try again shortly");
        }
    }

    private static void RedactHeaders(IHeaderDictionary headers, SecretPatternSet patterns, List<string> redacted)
    {
        foreach (var name in headers.Keys.ToArray())
        {
            var value = headers[name].ToString();
            var clean = patterns.RedactHeaderValue(value, out var names);
            if (!ReferenceEquals(clean, value))
            {
                headers[name] = clean;
                redacted.AddRange(names.Select(n => $"header {name}:{n}"));
            }
        }
    }

    private async Task SealOutcomeAsync(
        long decisionSequence,
        AuditRecord decision,
        int status,
        long bytesOut,
        long started,
        StreamingRedactor? redactor,
        IReadOnlyList<string>? headerRedactions = null,
        IReadOnlyList<string>? errors = null)
    {
        headerRedactions ??= [];
        var outcome = decision with
        {
            Kind = AuditRecordKind.Outcome,
            Time = runtime.Time.GetUtcNow(),
            DecisionSequence = decisionSequence,
            Errors = errors ?? decision.Errors,
            Status = status,
            BytesOut = bytesOut,
            LatencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            RedactionCount = (redactor?.TotalRedactions ?? 0) + headerRedactions.Count,
            Redactions = [.. headerRedactions, .. redactor?.Redactions.Select(r => $"{r.Name}:{r.Count}") ?? []],
        };
        try
        {
            await runtime.Audit.AppendAsync(outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException)
        {
            // The call already happened; its decision record is sealed. A missing outcome is visible in the log.
        }
    }

    // application/json and the +json structured suffix (RFC 6839), any parameters after `;`.
    private static bool IsJson(string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
