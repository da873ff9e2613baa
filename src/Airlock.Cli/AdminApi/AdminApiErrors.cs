using System.Net;
using System.Text.Json;
using Airlock.Cli.AdminApi.Models;

namespace Airlock.Cli.AdminApi;

/// <summary>Turns an error answer into an <see cref="AdminApiException"/>: the problem's detail and field errors, and the exit code its status means.</summary>
internal static class AdminApiErrors
{
    /// <summary>Maps an HTTP status to the exit code documented in docs/cli.md.</summary>
    public static int ExitCodeFor(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => ExitCodes.Deny,
        404 => ExitCodes.NotFound,
        409 => ExitCodes.Conflict,
        >= 500 => ExitCodes.Unavailable,
        >= 300 and < 400 => ExitCodes.Unavailable,
        _ => ExitCodes.Invalid,
    };

    /// <summary>Reads the problem document of <paramref name="response"/>, if it has one, and builds the exception.</summary>
    public static async Task<AdminApiException> FromResponseAsync(HttpResponseMessage response, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
        var detail = problem?.Detail ?? problem?.Title;
        var message = status switch
        {
            >= 300 and < 400 => $"the server at {uri.GetLeftPart(UriPartial.Authority)} answered {status} {response.ReasonPhrase}, a redirect" +
                (response.Headers.Location is { } location ? $" to {location}" : ""),
            _ when detail is not null => detail,
            >= 500 => $"the gateway failed: {status} {response.ReasonPhrase}",
            _ => $"{method} {uri.AbsolutePath} was refused: {status} {response.ReasonPhrase}",
        };
        return new AdminApiException(message, ExitCodeFor(response.StatusCode), problem?.Errors, HelpFor(status, response), status, problem?.Code);
    }

    private static string? HelpFor(int status, HttpResponseMessage response) => status switch
    {
        401 => $"the gateway refused {AdminConnection.TokenVariable}: it is unknown, expired or revoked; export the token `airlock init` printed " +
               "or one from `airlock token create`",
        403 => $"the token in {AdminConnection.TokenVariable} may not do this",
        >= 300 and < 400 => $"airlock does not follow redirects (the admin token would go along); set {AdminConnection.AddressVariable} to the final address",
        >= 500 => "nothing was changed or the change was rolled back; the gateway's log has the cause",
        _ when response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true =>
            $"the answer was not from an Airlock admin API; check {AdminConnection.AddressVariable}",
        _ => null,
    };

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync<Problem>(stream, AdminJson.Options, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
