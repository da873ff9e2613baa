using System.Text.Json;

namespace Airlock.Gateway.Http;

/// <summary>Reads a JSON request body strictly, turning every way it can be wrong into a precise 400.</summary>
public static class RequestBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblem.BadRequest("the body must be JSON, sent with Content-Type: application/json");
        }

        try
        {
            return await ApiJson.DeserializeAsync<T>(request.Body, ApiJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw ApiProblem.BadRequest("the body is null; send a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadRequest($"the body is not valid for this route: {ApiJson.Describe(e)}");
        }
    }
}
