using Airlock.Cedar;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Core.Policies;

/// <summary>
/// Decides an HTTP call with Cedar. Permission mirroring (R5): when the session acts for a user, the call must be
/// permitted for the agent and, separately, for the user; the first refusal decides.
/// </summary>
public static class CallAuthorizer
{
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    // The schema's actions and their groups are the same for every call. Sharing the instances is safe: each
    // Entities built from them sets an action's ancestors to the same set, in one reference write.
    private static readonly Entity[] ActionEntities =
        [.. AirlockSchema.Schema.Actions.Values.Select(a => new Entity(a.Uid, RecordValue.Empty, a.MemberOf))];

    // One call is decided at a time against its own entities, so its request parts need no unique id.
    private static readonly EntityUid HeadersUid = new("Airlock::Headers", "request");
    private static readonly EntityUid JsonBodyUid = new("Airlock::JsonBody", "request");

    public static CallDecision Decide(PolicyBundle bundle, HttpCall call)
    {
        var entities = BuildEntities(call);
        var action = ActionOf(call);
        var resource = OperationOf(call);
        var context = BuildContext(call);

        var asAgent = Authorizer.IsAuthorized(new Request(new EntityUid("Airlock::Agent", call.Agent.Id), action, resource, context), bundle.Policies, entities);
        var errors = asAgent.Errors.Select(e => $"{e.PolicyId}: {e.Message}").ToList();
        if (asAgent.Decision != Decision.Allow)
        {
            return Denied(bundle, asAgent, errors, call, "agent " + call.Agent.Id);
        }

        if (call.User is null)
        {
            return new CallDecision(true, asAgent.DeterminingPolicies, errors, null);
        }

        var asUser = Authorizer.IsAuthorized(new Request(new EntityUid("Airlock::User", call.User.Id), action, resource, context), bundle.Policies, entities);
        errors.AddRange(asUser.Errors.Select(e => $"{e.PolicyId}: {e.Message}"));
        return asUser.Decision == Decision.Allow
            ? new CallDecision(true, [.. asAgent.DeterminingPolicies.Union(asUser.DeterminingPolicies)], errors, null)
            : Denied(bundle, asUser, errors, call, $"user {call.User.Id}, for whom agent {call.Agent.Id} acts,");
    }

    /// <summary>
    /// The resource of a call: <c>Airlock::Operation::"service/path"</c>, a child of its service; for an LLM call its
    /// model, <c>Airlock::Model::"service/model"</c>, or the service itself when listing its models.
    /// </summary>
    public static EntityUid OperationOf(HttpCall call) => call.Llm switch
    {
        null => new("Airlock::Operation", call.Service + call.Path),
        { Model: null } => new("Airlock::Service", call.Service),
        { Model: { } model } => new("Airlock::Model", $"{call.Service}/{model}"),
    };

    private static EntityUid ActionOf(HttpCall call) => call.Llm is null
        ? new("Airlock::Action", call.Method)
        : new("Airlock::Action", call.Llm.Endpoint switch
        {
            Llm.LlmEndpoint.Embeddings => "embed",
            Llm.LlmEndpoint.Models => "list_models",
            _ => "complete",
        });

    private static CallDecision Denied(PolicyBundle bundle, AuthorizationResponse response, List<string> errors, HttpCall call, string who)
    {
        var reason = response.DeterminingPolicies
            .Select(id => bundle.Origins.TryGetValue(id, out var origin) ? origin.Reason : null)
            .FirstOrDefault(r => r is not null);
        return new CallDecision(
            false,
            response.DeterminingPolicies,
            errors,
            reason ?? (response.DeterminingPolicies.Count > 0
                ? $"a policy forbids {who} to {Describe(call)}"
                : $"no policy permits {who} to {Describe(call)}"));
    }

    private static string Describe(HttpCall call) => call.Llm switch
    {
        null => $"{call.Method} {call.Service}{call.Path}",
        { Model: null } => $"list the models of {call.Service}",
        { Model: { } model } => $"{ActionOf(call).Id} with model {call.Service}/{model}",
    };

    private static Entities BuildEntities(HttpCall call)
    {
        var list = new List<Entity>
        {
            new(new EntityUid("Airlock::Agent", call.Agent.Id), RecordValue.Empty, call.Agent.Groups.Select(Group)),
            new(new EntityUid("Airlock::Service", call.Service), RecordValue.Empty, []),
        };
        if (call.Llm is null)
        {
            list.Add(new(OperationOf(call), Record(("service", new StringValue(call.Service)), ("path", new StringValue(call.Path))), [new EntityUid("Airlock::Service", call.Service)]));
        }
        else if (call.Llm.Model is { } model)
        {
            list.Add(new(OperationOf(call), Record(("service", new StringValue(call.Service)), ("name", new StringValue(model))), [new EntityUid("Airlock::Service", call.Service)]));
        }

        if (call.User is not null)
        {
            list.Add(new(new EntityUid("Airlock::User", call.User.Id), RecordValue.Empty, call.User.Groups.Select(Group)));
        }

        foreach (var group in call.Agent.Groups.Concat(call.User?.Groups ?? []).Distinct(StringComparer.Ordinal))
        {
            list.Add(new(Group(group), RecordValue.Empty, []));
        }

        list.Add(new(HeadersUid, RecordValue.Empty, [], Tags(call.Headers)));
        if (call.JsonBody is not null)
        {
            list.Add(new(JsonBodyUid, RecordValue.Empty, [], Tags(call.JsonBody)));
        }

        list.AddRange(ActionEntities);
        return new Entities(list);
    }

    private static RecordValue BuildContext(HttpCall call)
    {
        var session = call.Session;
        var sessionRecord = new Dictionary<string, Value>
        {
            ["id"] = new StringValue(session.Id),
            ["agent"] = new StringValue(session.AgentId),
            ["intent"] = new StringValue(session.Intent),
            ["scope"] = new SetValue(session.Scope.Select(s => (Value)new StringValue(s))),
            ["age_seconds"] = LongValue.Of((long)(call.Now - session.CreatedAt).TotalSeconds),
            ["delegation_depth"] = LongValue.Of(0),
        };
        if (session.UserId is not null)
        {
            sessionRecord["user"] = new StringValue(session.UserId);
        }

        var request = new Dictionary<string, Value>
        {
            ["method"] = new StringValue(call.Method),
            ["service"] = new StringValue(call.Service),
            ["path"] = new StringValue(call.Path),
            ["query"] = new StringValue(call.Query),
            ["body_bytes"] = LongValue.Of(call.BodyBytes),
            ["headers"] = new EntityValue(HeadersUid),
        };
        if (call.JsonBody is not null)
        {
            request["body"] = new EntityValue(JsonBodyUid);
        }

        if (call.Reason is not null)
        {
            request["reason"] = new StringValue(call.Reason);
        }

        var utc = call.Now.UtcDateTime;
        var context = new Dictionary<string, Value>(StringComparer.Ordinal)
        {
            ["session"] = new RecordValue(sessionRecord),
            ["request"] = new RecordValue(request),
            ["time"] = Record(
                ("now", new DatetimeValue(call.Now.ToUnixTimeMilliseconds())),
                ("hour", LongValue.Of(utc.Hour)),
                ("weekday", new StringValue(Weekdays[(int)utc.DayOfWeek]))),
            ["history"] = Record(("calls", LongValue.Of(call.CallsSoFar)), ("denials", LongValue.Of(call.DenialsSoFar))),
        };
        if (call.Llm is { } llm)
        {
            context["llm"] = Record(
                ("endpoint", new StringValue(EndpointName(llm.Endpoint))),
                ("model", new StringValue(llm.Model ?? string.Empty)),
                ("max_tokens", LongValue.Of(llm.MaxTokens)),
                ("stream", BoolValue.Of(llm.Stream)),
                ("tools", new SetValue(llm.Tools.Select(t => (Value)new StringValue(t)))),
                ("input_bytes", LongValue.Of(llm.InputBytes)),
                ("estimated_cost_micros", LongValue.Of(llm.EstimatedCostMicros)));
        }

        return new RecordValue(context);
    }

    private static EntityUid Group(string id) => new("Airlock::Group", id);

    /// <summary>The endpoint as policy names it: <c>chat_completions</c>, <c>responses</c>, <c>embeddings</c>, <c>messages</c>, <c>models</c>.</summary>
    public static string EndpointName(Llm.LlmEndpoint endpoint) => endpoint switch
    {
        Llm.LlmEndpoint.ChatCompletions => "chat_completions",
        Llm.LlmEndpoint.Responses => "responses",
        Llm.LlmEndpoint.Embeddings => "embeddings",
        Llm.LlmEndpoint.Messages => "messages",
        _ => "models",
    };

    private static RecordValue Tags(IReadOnlyDictionary<string, string>? values) =>
        values is null || values.Count == 0
            ? RecordValue.Empty
            : new(values.ToDictionary(v => v.Key, v => (Value)new StringValue(v.Value), StringComparer.Ordinal));

    private static RecordValue Record(params (string Name, Value Value)[] members) =>
        new(members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal));
}
