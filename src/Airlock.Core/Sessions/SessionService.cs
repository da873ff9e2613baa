using System.Buffers.Text;
using System.Security.Cryptography;
using Airlock.Core.Storage;
using Airlock.Core.Tokens;

namespace Airlock.Core.Sessions;

/// <summary>What an operator (or the orchestrator that launches an agent) asks for when starting a session.</summary>
public sealed record StartSessionRequest(string Agent, string? User, string Intent, IReadOnlyList<string> Scope, TimeSpan? Ttl);

/// <summary>A started session and the only thing the agent receives: its token.</summary>
public sealed record StartedSession(Session Session, IssuedToken Token);

/// <summary>Starts and revokes sessions, keeping the node's <see cref="SessionDirectory"/> in step with the store.</summary>
public sealed class SessionService(
    IAirlockStore store,
    SessionDirectory directory,
    SessionTokenIssuer issuer,
    TimeProvider time,
    TimeSpan maxTtl)
{
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(15);
    public const int MaxIntentLength = 4096;
    public const int MaxScopeEntries = 64;

    public TimeSpan MaxTtl => maxTtl;

    public async Task<StartedSession> StartAsync(StartSessionRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (!Names.IsValidIdentifier(request.Agent))
        {
            errors.Add(new("agent", $"must be {Names.IdentifierRule}"));
        }

        if (request.User is not null && !Names.IsValidIdentifier(request.User))
        {
            errors.Add(new("user", $"must be {Names.IdentifierRule}"));
        }

        if (string.IsNullOrWhiteSpace(request.Intent))
        {
            errors.Add(new("intent", "is required: the user's original request, as text"));
        }
        else if (request.Intent.Length > MaxIntentLength)
        {
            errors.Add(new("intent", $"is longer than {MaxIntentLength} characters"));
        }

        var ttl = request.Ttl ?? DefaultTtl;
        if (ttl < TimeSpan.FromSeconds(1) || ttl > maxTtl)
        {
            errors.Add(new("ttl_seconds", $"must be between 1 and {(long)maxTtl.TotalSeconds} seconds (the server's --max-session-ttl)"));
        }

        await ValidateScopeAsync(request.Scope, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count == 0)
        {
            var agent = await store.Identities.GetAgentAsync(request.Agent, cancellationToken).ConfigureAwait(false);
            if (agent is null)
            {
                errors.Add(new("agent", $"'{request.Agent}' is not registered; add it with `airlock agent add {request.Agent}`"));
            }
            else if (!agent.Enabled)
            {
                errors.Add(new("agent", $"'{request.Agent}' is disabled; enable it with `airlock agent enable {request.Agent}`"));
            }
        }

        if (errors.Count > 0)
        {
            throw ControlPlaneException.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var session = new Session(
            "ses_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15)),
            request.Agent,
            request.User,
            request.Intent,
            request.Scope.Distinct(StringComparer.Ordinal).ToArray(),
            now,
            now + ttl,
            RevokedAt: null,
            RevokedReason: null);
        if (!await store.Sessions.TryAddAsync(session, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("a random session id collided; this should never happen");
        }

        directory.SessionStarted(session);
        return new StartedSession(session, issuer.Issue(session));
    }

    public async Task<IReadOnlyList<string>> RevokeAsync(string sessionId, string? reason, CancellationToken cancellationToken = default)
    {
        _ = await store.Sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw ControlPlaneException.NotFound("session", sessionId);
        var changed = await store.Sessions.RevokeAsync(sessionId, time.GetUtcNow(), Reason(reason), cancellationToken).ConfigureAwait(false);
        string[] revoked = changed ? [sessionId] : [];
        directory.SessionsRevoked(revoked, Reason(reason));
        return revoked;
    }

    public async Task<IReadOnlyList<string>> RevokeByAgentAsync(string agentId, string? reason, CancellationToken cancellationToken = default)
    {
        var revoked = await store.Sessions.RevokeByAgentAsync(agentId, time.GetUtcNow(), Reason(reason), cancellationToken).ConfigureAwait(false);
        directory.SessionsRevoked(revoked, Reason(reason));
        return revoked;
    }

    public async Task<IReadOnlyList<string>> RevokeByUserAsync(string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var revoked = await store.Sessions.RevokeByUserAsync(userId, time.GetUtcNow(), Reason(reason), cancellationToken).ConfigureAwait(false);
        directory.SessionsRevoked(revoked, Reason(reason));
        return revoked;
    }

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "revoked by an operator" : reason.Length > 512 ? reason[..512] : reason;

    private async Task ValidateScopeAsync(IReadOnlyList<string> scope, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (scope.Count > MaxScopeEntries)
        {
            errors.Add(new("scope", $"has more than {MaxScopeEntries} entries"));
            return;
        }

        for (var i = 0; i < scope.Count; i++)
        {
            var entry = scope[i] ?? string.Empty;
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var service = slash < 0 ? entry : entry[..slash];
            var operation = slash < 0 ? null : entry[(slash + 1)..];
            if (!Names.IsValidServiceName(service) || (operation is not null && !Names.IsValidIdentifier(operation)))
            {
                errors.Add(new($"scope[{i}]", $"'{entry}' must be a service name or service/operation"));
            }
            else if (await store.Services.GetAsync(service, cancellationToken).ConfigureAwait(false) is null)
            {
                errors.Add(new($"scope[{i}]", $"names service '{service}', which is not registered"));
            }
        }
    }
}
