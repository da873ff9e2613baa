using System.Net;
using System.Net.Sockets;
using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Normalization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// Sends a normalized, authorized request to its service and relays the answer, streaming both bodies. One
/// instance per gateway: it owns the connection pool. Redirects are passed back, never followed; there is no
/// proxy, no cookie jar and no decompression; and a connection is only ever opened to the routed service's host
/// and port (PRODUCT.md invariant 3).
/// </summary>
public sealed partial class UpstreamForwarder : IDisposable
{
    private static readonly HttpRequestOptionsKey<DnsEndPoint> AllowedEndpoint = new("Airlock.AllowedEndpoint");

    private readonly UpstreamForwarderOptions _options;
    private readonly ILogger _logger;
    private readonly HttpMessageInvoker _invoker;
    private readonly HostAddressPins _pins = new();

    public UpstreamForwarder(UpstreamForwarderOptions? options = null, ILogger? logger = null)
    {
        _options = options ?? new UpstreamForwarderOptions();
        _logger = logger ?? NullLogger.Instance;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            Proxy = null,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PreAuthenticate = false,
            Credentials = null,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = _options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = _options.PooledConnectionIdleTimeout,
            MaxConnectionsPerServer = _options.MaxConnectionsPerServer,
            // No traceparent or baggage invented on the agent's behalf; the agent's own are copied like other headers.
            ActivityHeadersPropagator = null,
            ConnectCallback = ConnectAsync,
        };
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    /// <summary>
    /// Forwards <paramref name="request"/> to <paramref name="service"/> with <paramref name="credential"/> applied and
    /// writes the upstream's answer to <paramref name="context"/>. <paramref name="wrapResponseBody"/>, when given,
    /// wraps the agent's response stream (the redactor plugs in here): the forwarder writes and flushes each chunk
    /// through it and disposes it when the upstream body ends. Failures before the response starts are answered
    /// with problem+json (502, 504, or 413/400 for a bad request body); later failures abort the connection.
    /// <paramref name="filterResponseHeaders"/>, when given, sees the upstream's response headers before they are sent
    /// (the leak redactor cleans them there). <paramref name="requestBody"/>, when given, is sent instead of the
    /// listener's body (the exfiltration scanner supplies it); a <see cref="RequestBodyRefusedException"/> it throws
    /// aborts the upstream request and answers the agent with its problem.
    /// </summary>
    public async Task<ForwardResult> ForwardAsync(
        HttpContext context,
        ServiceDefinition service,
        NormalizedRequest request,
        RenderedCredential credential,
        Func<Stream, Stream>? wrapResponseBody,
        CancellationToken ct,
        Action<IHeaderDictionary>? filterResponseHeaders = null,
        ForwardedBody? requestBody = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credential);

        using var message = BuildRequest(context, service, request, credential, requestBody);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.ResponseHeadersTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _invoker.SendAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return await FailAsync(context, service, Classify(e, ct), e).ConfigureAwait(false);
        }

        using (response)
        {
            if (wrapResponseBody is not null && ForwardedHeaders.IsEncoded(response.Content.Headers))
            {
                return await FailAsync(context, service, ForwardError.EncodedResponse, null).ConfigureAwait(false);
            }

            return await RelayAsync(context, service, request, response, wrapResponseBody, filterResponseHeaders, timeout, ct).ConfigureAwait(false);
        }
    }

    public void Dispose() => _invoker.Dispose();

    private static HttpRequestMessage BuildRequest(HttpContext context, ServiceDefinition service, NormalizedRequest request, RenderedCredential credential, ForwardedBody? requestBody)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), UpstreamTarget.Build(service.BaseUrl, request, credential))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        message.Options.Set(AllowedEndpoint, new DnsEndPoint(service.BaseUrl.IdnHost, service.BaseUrl.Port));

        var body = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>();
        if (requestBody is not null)
        {
            message.Content = new RequestBodyContent(requestBody.Source, requestBody.Length);
        }
        else if (body?.CanHaveBody ?? context.Request.ContentLength > 0)
        {
            message.Content = new RequestBodyContent(context.Request.Body, context.Request.ContentLength);
        }

        ForwardedHeaders.CopyRequestHeaders(context.Request.Headers, message, credential.Headers.Select(static h => h.Name));

        // The body goes to a scanner before it reaches the agent, so it must arrive as plain bytes.
        message.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");

        // INVARIANT: applied after the agent's headers, so nothing the agent sends (a same-named header, or a
        // Connection header naming it) can replace or remove the credential.
        foreach (var field in credential.Headers)
        {
            message.Headers.Remove(field.Name);
            if (!message.Headers.TryAddWithoutValidation(field.Name, field.Value))
            {
                throw new InvalidOperationException($"service `{service.Name}`: header `{field.Name}` cannot carry a credential");
            }
        }

        return message;
    }

    // INVARIANT: the only place an upstream connection is opened; it refuses any endpoint but the routed service's.
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var target = context.DnsEndPoint;
        _options.OnConnect?.Invoke(target);
        if (!context.InitialRequestMessage.Options.TryGetValue(AllowedEndpoint, out var allowed)
            || !string.Equals(Unbracket(allowed.Host), Unbracket(target.Host), StringComparison.OrdinalIgnoreCase)
            || allowed.Port != target.Port)
        {
            throw new UpstreamRefusedException("a connection to an endpoint other than the routed service's was refused");
        }

        var host = Unbracket(target.Host);
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : _pins.Check(host, await _options.ResolveHost(host, ct).ConfigureAwait(false));
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, target.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Unbracket(string host) => host.TrimStart('[').TrimEnd(']');
}
