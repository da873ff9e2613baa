using Airlock.Cedar.Differential.Generation.Model;
using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Differential.Running;

/// <summary>
/// Airlock.Cedar answering the checks, in the same order of rejection as cedar-wasm's authorization call:
/// policies, schema, context, request validation, entities. Any exception other than a
/// <see cref="CedarException"/> is an engine crash, answered as such so that it shows up as a disagreement.
/// </summary>
public sealed class NativeDecider
{
    /// <summary>The schema, or null when it was rejected.</summary>
    public Schema? Schema { get; private set; }

    private Validator? validator;

    public Answer ParseSchema(ScenarioGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        Schema = null;
        validator = null;
        var answer = Guard(() =>
        {
            Schema = group.SchemaIsJson ? Schema.FromJson(group.Schema) : Schema.Parse(group.Schema);
            validator = new Validator(Schema);
            return new Answer("ok", string.Empty, []);
        });
        return answer;
    }

    /// <summary>Parses a policy set; <paramref name="policies"/> is null when it does not parse.</summary>
    public static Answer Parse(string text, out PolicySet? policies)
    {
        PolicySet? parsed = null;
        var answer = Guard(() =>
        {
            parsed = PolicySet.Parse(text);
            return ParsedKey(parsed.Templates.Count);
        });
        policies = parsed;
        return answer;
    }

    /// <summary>The compared answer for text that parses: static policies only, or with templates.</summary>
    public static Answer ParsedKey(int templates) => new(templates == 0 ? "parses" : $"parses with {templates} templates", string.Empty, []);

    public Answer Validate(PolicySet policies) => Guard(() =>
    {
        var result = validator!.Validate(policies);
        return new Answer(result.IsValid ? "valid" : "invalid", string.Empty, [.. result.Errors.Select(e => e.ToString())]);
    });

    /// <summary>Parses the entities for a request mode once; the answer is null when they parse.</summary>
    public EntitiesParse ParseEntities(string json, bool withSchema)
    {
        Entities? entities = null;
        var answer = Guard(() =>
        {
            entities = Entities.FromJson(json, withSchema ? Schema : null);
            return new Answer("ok", string.Empty, []);
        });
        return new EntitiesParse(entities, answer);
    }

    public Answer Authorize(PolicySet? policies, EntitiesParse entities, GenRequest request) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policies is null || policies.Templates.Count > 0)
        {
            return Answer.Reject("policies", []);
        }

        if (request.WithSchema && Schema is null)
        {
            return Answer.Reject("schema", []);
        }

        var schema = request.WithSchema ? Schema : null;
        var context = Stage("context", () => Request.ParseContext(request.Context, schema, request.Action));
        if (context.Rejection is { } rejected)
        {
            return rejected;
        }

        var cedarRequest = new Request(request.Principal, request.Action, request.Resource, context.Value);
        if (schema is not null && request.ValidateRequest && validator!.ValidateRequest(cedarRequest) is { Count: > 0 } problems)
        {
            return Answer.Reject("request", [.. problems.Select(p => p.ToString())]);
        }

        if (entities.Entities is null)
        {
            return Answer.Reject("entities", entities.Answer.Messages);
        }

        var response = Authorizer.IsAuthorized(cedarRequest, policies, entities.Entities);
        return Answer.Decided(
            response.Decision == Decision.Allow ? "allow" : "deny",
            response.DeterminingPolicies,
            response.Errors.Select(e => e.PolicyId),
            [.. response.Errors.Select(e => $"{e.PolicyId}: {e.Message}")]);
    });

    private static (T? Value, Answer? Rejection) Stage<T>(string stage, Func<T> step)
    {
        try
        {
            return (step(), null);
        }
        catch (CedarException e)
        {
            return (default, Answer.Reject(stage, [.. e.Diagnostics.Select(d => d.ToString())]));
        }
    }

    private static Answer Guard(Func<Answer> check)
    {
        try
        {
            return check();
        }
        catch (CedarException e)
        {
            return Answer.Reject("parse", [.. e.Diagnostics.Select(d => d.ToString())]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash is never what cedar-wasm answers, so it always shows up as a disagreement.
            return new Answer("crash: " + e.GetType().Name, string.Empty, [e.Message, e.StackTrace ?? string.Empty]);
        }
    }
}
