using Airlock.Cedar.Conformance.Checking;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Conformance.Engines;

/// <summary>
/// Airlock.Cedar under test, driven the way cedar-testing's integration harness drives the Rust engine:
/// policies, schema, entities (schema-aware, which adds the schema's actions), strict validation, then per
/// request the context (schema-aware), request validation when asked for, and authorization.
/// </summary>
public sealed class NativeEngine : IConformanceEngine
{
    public TestObservation Run(CorpusTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        PolicySet policies;
        Schema schema;
        Entities entities;
        Validator validator;
        ValidationResult validation;
        try
        {
            policies = Stage(FailureKind.PolicyParse, () => PolicySet.Parse(test.Policies, test.PoliciesPath));
            schema = Stage(FailureKind.SchemaParse, () => test.SchemaIsJson ? Schema.FromJson(test.Schema, test.SchemaPath) : Schema.Parse(test.Schema, test.SchemaPath));
            entities = Stage(FailureKind.EntitiesParse, () => Entities.FromJson(test.Entities, schema, test.EntitiesPath));
            validator = new Validator(schema);
            validation = validator.Validate(policies);
        }
        catch (StageException e)
        {
            return TestObservation.Failed(e.Failure);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TestObservation.Failed(Crash(e));
        }

        var requests = test.Requests.Select(r => Authorize(r, policies, schema, entities, validator)).ToArray();
        return new TestObservation(null, validation.IsValid, [.. validation.Errors.Select(d => d.ToString())], requests);
    }

    public void Dispose()
    {
    }

    private static RequestObservation Authorize(CorpusRequest r, PolicySet policies, Schema schema, Entities entities, Validator validator)
    {
        if (r.ParseError is not null)
        {
            return RequestObservation.Failed(new EngineFailure(FailureKind.RequestParse, [r.ParseError]));
        }

        try
        {
            var context = Stage(FailureKind.ContextParse, () => Request.ParseContext(r.ContextJson, schema, r.Action));
            var request = new Request(r.Principal!, r.Action!, r.Resource!, context);
            if (r.ValidateRequest && validator.ValidateRequest(request) is { Count: > 0 } problems)
            {
                return RequestObservation.Failed(new EngineFailure(FailureKind.RequestValidation, [.. problems.Select(p => p.ToString())]));
            }

            var response = Authorizer.IsAuthorized(request, policies, entities);
            return new RequestObservation(
                null,
                response.Decision == Decision.Allow ? "allow" : "deny",
                response.DeterminingPolicies,
                [.. response.Errors.Select(e => e.PolicyId)],
                [.. response.Errors.Select(e => $"{e.PolicyId}: {e.Message}")]);
        }
        catch (StageException e)
        {
            return RequestObservation.Failed(e.Failure);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return RequestObservation.Failed(Crash(e));
        }
    }

    // A CedarException at a stage is that stage rejecting its input; anything else escapes as a crash.
    private static T Stage<T>(FailureKind kind, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (CedarException e)
        {
            throw new StageException(new EngineFailure(kind, [.. e.Diagnostics.Select(d => d.ToString())]));
        }
    }

    private static EngineFailure Crash(Exception e) =>
        new(FailureKind.EngineCrash, [$"{e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}"]);

    private sealed class StageException(EngineFailure failure) : Exception(failure.Kind.ToString())
    {
        public EngineFailure Failure { get; } = failure;
    }
}
