using System.Diagnostics.CodeAnalysis;
using Airlock.Core.Llm;
using Airlock.Core.Policies;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.DataPlane.Normalization;
using Airlock.Gateway.DataPlane.RequestBodies;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.DataPlane.Llm;

/// <summary>
/// Turns an LLM call into something that can be decided, reserved and charged: the body is prepared (an output cap,
/// usage in streams), the model priced, and the worst case computed: every byte of the body as an input token (a
/// token is at least one byte, so this bounds any tokenizer) plus the full output cap.
/// </summary>
internal static class LlmPlanner
{
    public static bool TryPlan(
        string serviceName,
        LlmSettings settings,
        NormalizedRequest request,
        AgentRequestBody body,
        [NotNullWhen(true)] out LlmPlan? plan,
        [NotNullWhen(false)] out ApiProblem? problem)
    {
        plan = null;
        var endpoint = LlmEndpoints.Match(settings.Provider, request.Method, request.Path)!.Value;
        if (endpoint == LlmEndpoint.Models)
        {
            var id = request.Path.Length > "/v1/models/".Length ? request.Path["/v1/models/".Length..] : null;
            plan = new LlmPlan(endpoint, id, null, ReadOnlyMemory<byte>.Empty, new LlmFacts(endpoint, id, 0, false, [], 0, 0));
            problem = null;
            return true;
        }

        if (body.Whole is not { } whole)
        {
            problem = new ApiProblem(400, "bad_llm_request", "The request body cannot be metered", "an LLM request needs its JSON body, sent whole (at most 10 MiB)");
            return false;
        }

        LlmRequest prepared;
        try
        {
            prepared = LlmRequestPreparer.Prepare(endpoint, whole.Span, settings.DefaultMaxTokens);
        }
        catch (LlmRequestException e)
        {
            problem = new ApiProblem(400, "bad_llm_request", "The request body cannot be metered", $"{e.Field}: {e.Message}");
            return false;
        }

        var price = settings.PriceOf(prepared.Model);
        if (price is null)
        {
            problem = new ApiProblem(403, "unpriced_model", "The model has no price",
                $"model '{prepared.Model}' is not in the price list of service '{serviceName}', so its use cannot be metered; ask an operator to price it");
            return false;
        }

        var worstCase = price.CostMicros(whole.Length, prepared.MaxTokens);
        plan = new LlmPlan(
            endpoint,
            prepared.Model,
            price,
            prepared.Body,
            new LlmFacts(endpoint, prepared.Model, prepared.MaxTokens, prepared.Stream, prepared.Tools, whole.Length, worstCase));
        problem = null;
        return true;
    }

    /// <summary>
    /// What the call costs once it ended: nothing when the provider refused it (an error status is not billed),
    /// otherwise the usage the meter read or estimated.
    /// </summary>
    public static LlmCharge Charge(LlmPlan plan, ForwardResult result, LlmUsageMeter? meter)
    {
        if (meter is null || plan.Price is null || result.StatusCode is < 200 or >= 300)
        {
            return new LlmCharge(new LlmUsage(0, 0), 0);
        }

        var usage = meter.Usage();
        return new LlmCharge(usage, plan.Price.CostMicros(usage.InputTokens, usage.OutputTokens));
    }
}
