using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Tests.Support;

/// <summary>Handlers for <see cref="LoopbackServer"/> upstreams.</summary>
internal static class Upstreams
{
    /// <summary>
    /// Answers with what it received: method, raw request target, headers (names lowercased) and the body's length
    /// and SHA-256. <paramref name="bodyStarted"/> is completed when the first body bytes arrive.
    /// </summary>
    public static RequestDelegate Echo(TaskCompletionSource? bodyStarted = null) => async context =>
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long length = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
        {
            bodyStarted?.TrySetResult();
            length += read;
            hash.AppendData(buffer, 0, read);
        }

        var headers = new JsonObject();
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values.ToArray());
        }

        var report = new JsonObject
        {
            ["method"] = context.Request.Method,
            ["rawTarget"] = raw,
            ["headers"] = headers,
            ["bodyLength"] = length,
            ["bodySha256"] = Convert.ToHexStringLower(hash.GetHashAndReset()),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(report.ToJsonString());
    };
}
