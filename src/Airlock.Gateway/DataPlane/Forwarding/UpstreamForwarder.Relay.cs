using System.Buffers;
using System.Net.Sockets;
using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Normalization;
using Airlock.Gateway.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Gateway.DataPlane.Forwarding;

public sealed partial class UpstreamForwarder
{
    private const int BufferSize = 16 * 1024;

    private async Task<ForwardResult> RelayAsync(
        HttpContext context,
        ServiceDefinition service,
        NormalizedRequest request,
        HttpResponseMessage response,
        Func<Stream, Stream>? wrapResponseBody,
        Action<IHeaderDictionary>? filterResponseHeaders,
        CancellationTokenSource idle,
        CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        context.Response.StatusCode = status;
        ForwardedHeaders.CopyResponseHeaders(response, context.Response.Headers, keepContentLength: wrapResponseBody is null);
        filterResponseHeaders?.Invoke(context.Response.Headers);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        long bytes = 0;
        Stream? output = null;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            idle.CancelAfter(_options.BodyIdleTimeout);
            var upstream = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
            // Headers go out at once, so a streaming client sees the response start before the first event.
            await context.Response.StartAsync(ct).ConfigureAwait(false);
            if (request.Method == "HEAD")
            {
                return new ForwardResult(ForwardError.None, status, 0);
            }

            output = wrapResponseBody is null ? context.Response.Body : wrapResponseBody(context.Response.Body);
            int read;
            while ((read = await upstream.ReadAsync(buffer.AsMemory(0, BufferSize), idle.Token).ConfigureAwait(false)) > 0)
            {
                bytes += read;
                await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                // Each chunk is flushed as it arrives: server-sent events and streamed completions are not held back.
                await output.FlushAsync(ct).ConfigureAwait(false);
                idle.CancelAfter(_options.BodyIdleTimeout);
            }

            if (output != context.Response.Body)
            {
                // Disposing the wrapper is its end-of-stream signal (a redactor releases what it held back).
                var wrapper = output;
                output = null;
                await wrapper.DisposeAsync().ConfigureAwait(false);
            }

            return new ForwardResult(ForwardError.None, status, bytes);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            if (ct.IsCancellationRequested)
            {
                return new ForwardResult(ForwardError.ClientAborted, status, bytes);
            }

            LogRelayFailed(_logger, service.Name, e.GetType().Name, idle.IsCancellationRequested);
            // The status line has gone out; aborting is the only way to tell the agent the body is incomplete.
            context.Abort();
            return new ForwardResult(ForwardError.ResponseBodyFailed, status, bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (output is not null && output != context.Response.Body)
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static ForwardError Classify(Exception e, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return ForwardError.ClientAborted;
        }

        if (Find<RequestBodyRefusedException>(e) is not null)
        {
            return ForwardError.RequestBodyRefused;
        }

        if (Find<BadHttpRequestException>(e) is not null)
        {
            return ForwardError.RequestBodyFailed;
        }

        if (e is OperationCanceledException || Find<TimeoutException>(e) is not null)
        {
            // Our own deadline fired: the connect timeout (a TimeoutException inside) or the response-headers timeout.
            return ForwardError.Timeout;
        }

        return e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
            || Find<SocketException>(e) is not null || Find<UpstreamRefusedException>(e) is not null
            ? ForwardError.ConnectFailed
            : ForwardError.UpstreamFailed;
    }

    private async Task<ForwardResult> FailAsync(HttpContext context, ServiceDefinition service, ForwardError error, Exception? e)
    {
        if (error == ForwardError.ClientAborted)
        {
            return new ForwardResult(error, 0, 0);
        }

        // Only the exception type is logged: messages of HTTP exceptions can quote the upstream URL, whose query may
        // carry a credential.
        LogForwardFailed(_logger, service.Name, error, e?.GetType().Name ?? "none", e?.InnerException?.GetType().Name ?? "none");
        var problem = error switch
        {
            ForwardError.RequestBodyRefused => Find<RequestBodyRefusedException>(e!)!.Problem,
            ForwardError.RequestBodyFailed => Find<BadHttpRequestException>(e!) is { StatusCode: 413 }
                ? new ApiProblem(413, "too_large", "Request body too large", "the request body is larger than the data plane accepts; send less")
                : new ApiProblem(400, "bad_request", "Bad request", "the request body could not be read; check its framing (Content-Length or chunked)"),
            ForwardError.Timeout => new ApiProblem(504, "upstream_timeout", "The service did not answer in time",
                $"service `{service.Name}` did not accept the connection or answer within the time allowed; retry later"),
            ForwardError.ConnectFailed => new ApiProblem(502, "upstream_unreachable", "The service cannot be reached",
                $"Airlock could not connect to service `{service.Name}`; the service may be down, retry later or ask an operator"),
            ForwardError.EncodedResponse => new ApiProblem(502, "upstream_encoded_response", "The service sent an encoded response",
                $"service `{service.Name}` answered with a compressed body although Airlock asked for none; Airlock does not relay bodies it cannot scan"),
            _ => new ApiProblem(502, "upstream_failed", "The service failed",
                $"service `{service.Name}` closed the connection or sent an invalid response; retry later"),
        };

        if (context.Response.HasStarted)
        {
            context.Abort();
            return new ForwardResult(error, 0, 0);
        }

        context.Response.Clear();
        await problem.ToResult().ExecuteAsync(context).ConfigureAwait(false);
        return new ForwardResult(error, problem.Status, 0);
    }

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "forwarding to service {Service} failed: {Error} ({ExceptionType}, inner {InnerType})")]
    private static partial void LogForwardFailed(ILogger logger, string service, ForwardError error, string exceptionType, string innerType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "relaying the response of service {Service} failed: {ExceptionType} (idle timeout: {IdleTimeout})")]
    private static partial void LogRelayFailed(ILogger logger, string service, string exceptionType, bool idleTimeout);
}
