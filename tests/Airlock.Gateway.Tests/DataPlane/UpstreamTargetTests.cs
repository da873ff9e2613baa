using Airlock.Core.Services;
using Airlock.Gateway.DataPlane.Forwarding;
using Airlock.Gateway.DataPlane.Normalization;

namespace Airlock.Gateway.Tests.DataPlane;

public sealed class UpstreamTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9000/", "/a/b", "", "/a/b")]
    [InlineData("http://127.0.0.1:9000/api/v1", "/a/b", "", "/api/v1/a/b")]
    [InlineData("http://127.0.0.1:9000/api/v1", "/", "", "/api/v1/")]
    [InlineData("http://127.0.0.1:9000/api", "/a%3Fb/%C3%A9", "x=%2e%2e&y", "/api/a%3Fb/%C3%A9?x=%2e%2e&y")]
    public void PathAndQuery_IsBasePathThenCanonicalPathThenQuery(string baseUrl, string path, string query, string expected)
    {
        var request = new NormalizedRequest("GET", "svc", path, query);
        Assert.Equal(expected, UpstreamTarget.PathAndQuery(new Uri(baseUrl), request, RenderedCredential.None));
        // The absolute URL keeps the same bytes: .NET neither unescapes nor resolves anything in it.
        Assert.Equal(expected, UpstreamTarget.Build(new Uri(baseUrl), request, RenderedCredential.None).PathAndQuery);
    }

    [Fact]
    public void PathAndQuery_CredentialParameter_IsEncodedAndShadowsTheAgents()
    {
        var credential = new RenderedCredential([], [new CredentialField("api_key", "s3cr&t=/+ ")]);
        var request = new NormalizedRequest("GET", "svc", "/a", "q=1&api_key=mine&API_KEY=mine2&api%5Fkey=mine3&api+key=x&z");
        Assert.Equal(
            "/a?q=1&api+key=x&z&api_key=s3cr%26t%3D%2F%2B%20",
            UpstreamTarget.PathAndQuery(new Uri("http://127.0.0.1:9000/"), request, credential));
    }
}
