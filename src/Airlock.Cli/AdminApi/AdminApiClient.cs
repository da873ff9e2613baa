using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Cli.AdminApi;

/// <summary>
/// A small typed client for the gateway's admin API (docs/admin-api.md). Every failure becomes an
/// <see cref="AdminApiException"/> with its exit code; the token and request bodies are never written anywhere.
/// </summary>
internal sealed partial class AdminApiClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly AdminConnection connection;
    private readonly HttpClient http;
    private readonly TextWriter? trace;

    /// <summary>Creates a client for <paramref name="connection"/>; with <paramref name="trace"/>, each request line and status is written there.</summary>
    public AdminApiClient(AdminConnection connection, TextWriter? trace)
    {
        this.connection = connection;
        this.trace = trace;

        // Redirects are not followed: the Authorization header would go along to wherever the redirect points.
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = Timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("airlock-cli", typeof(AdminApiClient).Assembly.GetName().Version?.ToString(3)));
    }

    public void Dispose() => http.Dispose();

    private async Task<AdminResponse<T>> SendAsync<T>(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var json = await SendCoreAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            throw Unreadable(method, path, "an empty body");
        }

        T? value;
        try
        {
            value = json.Value.Deserialize<T>(AdminJson.Options);
        }
        catch (JsonException e)
        {
            throw Unreadable(method, path, $"a body this airlock cannot read ({e.Path}: {e.GetType().Name})");
        }

        return value is null ? throw Unreadable(method, path, "null") : new AdminResponse<T>(value, json.Value);
    }

    private async Task SendNoContentAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        await SendCoreAsync(method, path, body: null, cancellationToken).ConfigureAwait(false);

    private async Task<JsonElement?> SendCoreAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var uri = connection.UriFor(path);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: AdminJson.Options);
        }

        trace?.WriteLine($"> {method} {uri}");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(Reason(e));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {Timeout.TotalSeconds:0} seconds");
        }

        using (response)
        {
            trace?.WriteLine($"< {(int)response.StatusCode} {response.ReasonPhrase}");
            if (!response.IsSuccessStatusCode)
            {
                throw await AdminApiErrors.FromResponseAsync(response, method, uri, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return null;
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(AdminJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                throw Unreadable(method, path, "a body that is not JSON");
            }
        }
    }

    private AdminApiException Unreachable(string reason) => new(
        $"cannot reach the admin API at {connection.Address.OriginalString} ({connection.AddressSource}): {reason}",
        ExitCodes.Unavailable,
        help: $"start the gateway (`airlock serve`), or point {AdminConnection.AddressVariable} at its admin listener, " +
              $"e.g. export {AdminConnection.AddressVariable}={AdminConnection.DefaultAddress}");

    private AdminApiException Unreadable(HttpMethod method, string path, string what) => new(
        $"the server at {connection.Address.OriginalString} answered {method} {path} with {what}",
        ExitCodes.Unavailable,
        help: $"check that {AdminConnection.AddressVariable} points at an Airlock gateway's admin listener of the same version as this airlock");

    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
            SocketError.TimedOut => "connection timed out",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
            _ => $"socket error {socket.SocketErrorCode}",
        }
        : e.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "the answer was not HTTP (is this the admin port?)",
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.ConnectionError => "connection failed",
            _ => $"request failed ({e.HttpRequestError})",
        };
}
