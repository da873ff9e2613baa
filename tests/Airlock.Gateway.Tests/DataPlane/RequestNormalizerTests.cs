using Airlock.Gateway.DataPlane.Normalization;

namespace Airlock.Gateway.Tests.DataPlane;

public sealed class RequestNormalizerTests
{
    // Every trap either has one canonical form (policy evaluates it and the upstream receives it) or is refused with a code.
    [Theory]
    [InlineData("/svc", "/")]
    [InlineData("/svc/", "/")]
    [InlineData("/svc/repos/a/b", "/repos/a/b")]
    [InlineData("/svc/repos/a/b/", "/repos/a/b/")]
    [InlineData("/svc/%61%62c", "/abc")]                          // encoded unreserved characters are decoded
    [InlineData("/svc/a%7Eb%2D%5F", "/a~b-_")]
    [InlineData("/svc/a%2eb", "/a.b")]                            // an encoded dot inside a segment is just a dot
    [InlineData("/svc/a%3fb", "/a%3Fb")]                          // reserved encodings stay encoded, hex uppercased
    [InlineData("/svc/a%20b", "/a%20b")]
    [InlineData("/svc/%c3%a9t%C3%A9", "/%C3%A9t%C3%A9")]          // well-formed UTF-8 stays encoded, uppercased
    [InlineData("/svc/%F0%9F%98%80", "/%F0%9F%98%80")]
    [InlineData("/svc/a;b=c/d:e@f!$&'()*+,", "/a;b=c/d:e@f!$&'()*+,")]
    [InlineData("/svc/.well-known/x", "/.well-known/x")]           // a dot-led name is not a dot segment
    [InlineData("/svc/a..b", "/a..b")]
    [InlineData("/svc/100%25", "/100%25")]                        // a literal percent not followed by hex digits
    [InlineData("/svc/%25zz", "/%25zz")]
    public void TryNormalize_AcceptedPath_HasOneCanonicalForm(string target, string expectedPath)
    {
        Assert.True(RequestNormalizer.TryNormalize("GET", target, out var request, out var failure), failure?.Message);
        Assert.Equal(new NormalizedRequest("GET", "svc", expectedPath, string.Empty), request);
    }

    [Theory]
    [InlineData("/svc/../admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/a/../../etc/passwd", NormalizationFailure.DotSegment)]
    [InlineData("/svc/./a", NormalizationFailure.DotSegment)]
    [InlineData("/svc/a/..", NormalizationFailure.DotSegment)]
    [InlineData("/svc/a/.", NormalizationFailure.DotSegment)]
    [InlineData("/svc/%2e%2e/admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/%2E%2E/admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/.%2e/admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/%2e/admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/..;/admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/..;jsessionid=1/admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/.../admin", NormalizationFailure.DotSegment)]
    [InlineData("/svc/%252e%252e/admin", NormalizationFailure.DoubleEncoding)]
    [InlineData("/svc/%252f", NormalizationFailure.DoubleEncoding)]
    [InlineData("/svc/%25252e", NormalizationFailure.DoubleEncoding)]
    [InlineData("/svc/a%2fb", NormalizationFailure.EncodedSeparator)]
    [InlineData("/svc/a%2Fb", NormalizationFailure.EncodedSeparator)]
    [InlineData("/svc/..%2fadmin", NormalizationFailure.EncodedSeparator)]
    [InlineData("/svc/a%5cb", NormalizationFailure.EncodedSeparator)]
    [InlineData("/svc/..%5Cadmin", NormalizationFailure.EncodedSeparator)]
    [InlineData("/svc/a\\b", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a%00b", NormalizationFailure.ControlCharacter)]
    [InlineData("/svc/a%0d%0aSet-Cookie:x", NormalizationFailure.ControlCharacter)]
    [InlineData("/svc/a%7f", NormalizationFailure.ControlCharacter)]
    [InlineData("/svc/a%09", NormalizationFailure.ControlCharacter)]
    [InlineData("/svc/%c0%ae%c0%ae/admin", NormalizationFailure.InvalidUtf8)]      // overlong '.'
    [InlineData("/svc/%c0%af", NormalizationFailure.InvalidUtf8)]                  // overlong '/'
    [InlineData("/svc/%e0%80%ae", NormalizationFailure.InvalidUtf8)]               // three-byte overlong '.'
    [InlineData("/svc/%f0%80%80%ae", NormalizationFailure.InvalidUtf8)]            // four-byte overlong '.'
    [InlineData("/svc/%ed%a0%80", NormalizationFailure.InvalidUtf8)]               // a UTF-16 surrogate
    [InlineData("/svc/%c3", NormalizationFailure.InvalidUtf8)]                     // truncated
    [InlineData("/svc/%c3a", NormalizationFailure.InvalidUtf8)]
    [InlineData("/svc/%ff", NormalizationFailure.InvalidUtf8)]
    [InlineData("/svc/%f4%90%80%80", NormalizationFailure.InvalidUtf8)]            // above U+10FFFF
    [InlineData("/svc/%ef%bc%8e%ef%bc%8e/admin", NormalizationFailure.ConfusableCharacter)] // fullwidth dots
    [InlineData("/svc/a%ef%bc%8fb", NormalizationFailure.ConfusableCharacter)]     // fullwidth solidus
    [InlineData("/svc/a%ef%bc%bcb", NormalizationFailure.ConfusableCharacter)]     // fullwidth reverse solidus
    [InlineData("/svc/a%e2%88%95b", NormalizationFailure.ConfusableCharacter)]     // division slash
    [InlineData("/svc/%e2%80%a5", NormalizationFailure.ConfusableCharacter)]       // two dot leader
    [InlineData("/svc/a%e2%80%8bb", NormalizationFailure.ConfusableCharacter)]     // zero-width space
    [InlineData("/svc/a%e2%80%aeb", NormalizationFailure.ConfusableCharacter)]     // right-to-left override
    [InlineData("/svc/a%c2%85b", NormalizationFailure.ConfusableCharacter)]        // C1 next line
    [InlineData("/svc/a%c2%a0b", NormalizationFailure.ConfusableCharacter)]        // no-break space
    [InlineData("/svc/a%ef%bf%bdb", NormalizationFailure.ConfusableCharacter)]     // replacement character
    [InlineData("/svc/a%", NormalizationFailure.InvalidPercentEncoding)]
    [InlineData("/svc/a%2", NormalizationFailure.InvalidPercentEncoding)]
    [InlineData("/svc/a%g1", NormalizationFailure.InvalidPercentEncoding)]
    [InlineData("/svc//a", NormalizationFailure.EmptySegment)]
    [InlineData("/svc/a//b", NormalizationFailure.EmptySegment)]
    [InlineData("/svc/a//", NormalizationFailure.EmptySegment)]
    [InlineData("/svc/a b", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a\"b", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a<b>", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a[0]", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a|b", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/\uff0e\uff0e/admin", NormalizationFailure.InvalidCharacter)]  // raw fullwidth dots
    [InlineData("/svc/caf\u00e9", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a\tb", NormalizationFailure.ControlCharacter)]
    [InlineData("/svc/a\0b", NormalizationFailure.ControlCharacter)]
    [InlineData("/svc/a#frag", NormalizationFailure.InvalidTarget)]
    [InlineData("http://evil.example/svc/a", NormalizationFailure.InvalidTarget)]
    [InlineData("//evil.example/svc/a", NormalizationFailure.InvalidTarget)]
    [InlineData("evil.example:443", NormalizationFailure.InvalidTarget)]
    [InlineData("*", NormalizationFailure.InvalidTarget)]
    [InlineData("/", NormalizationFailure.InvalidTarget)]
    [InlineData("", NormalizationFailure.InvalidTarget)]
    [InlineData("/?a=1", NormalizationFailure.InvalidTarget)]
    [InlineData("/Svc/a", NormalizationFailure.NoRoute)]
    [InlineData("/%73vc/a", NormalizationFailure.NoRoute)]
    [InlineData("/_airlock/a", NormalizationFailure.NoRoute)]
    [InlineData("/..", NormalizationFailure.NoRoute)]
    [InlineData("/1svc/a", NormalizationFailure.NoRoute)]
    [InlineData("/svc/a?b=%", NormalizationFailure.InvalidQuery)]
    [InlineData("/svc/a?b=%zz", NormalizationFailure.InvalidQuery)]
    [InlineData("/svc/a?b=%00", NormalizationFailure.InvalidQuery)]
    [InlineData("/svc/a?b=c d", NormalizationFailure.InvalidCharacter)]
    [InlineData("/svc/a?b=\u00e9", NormalizationFailure.InvalidCharacter)]
    public void TryNormalize_AmbiguousTarget_IsRefusedWithCode(string target, string code)
    {
        Assert.False(RequestNormalizer.TryNormalize("GET", target, out var request, out var failure));
        Assert.Null(request);
        Assert.Equal(code, failure.Code);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
    }

    [Theory]
    [InlineData("get", "send `GET`")]
    [InlineData("GeT", "send `GET`")]
    [InlineData("post", "send `POST`")]
    [InlineData("TRACE", "is not forwarded")]
    [InlineData("CONNECT", "is not forwarded")]
    [InlineData("PROPFIND", "is not forwarded")]
    [InlineData("", "is not forwarded")]
    public void TryNormalize_MethodNotExactlyKnown_IsRefused(string method, string hint)
    {
        Assert.False(RequestNormalizer.TryNormalize(method, "/svc/a", out _, out var failure));
        Assert.Equal(NormalizationFailure.UnsupportedMethod, failure.Code);
        Assert.Equal(405, failure.Status);
        Assert.Contains(hint, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public void TryNormalize_KnownMethod_IsKept(string method)
    {
        Assert.True(RequestNormalizer.TryNormalize(method, "/svc/a", out var request, out _));
        Assert.Equal(method, request.Method);
    }

    [Theory]
    [InlineData("/svc/a?", "")]
    [InlineData("/svc/a?x=1&y=2", "x=1&y=2")]
    [InlineData("/svc/a?x=%2e%2e%2F&y=%c0%ae", "x=%2e%2e%2F&y=%c0%ae")]       // the query is validated, never rewritten
    [InlineData("/svc/a?filter[name]=a|b&q=\"x\"", "filter[name]=a|b&q=\"x\"")]
    [InlineData("/svc/a?next=/b?c", "next=/b?c")]
    [InlineData("/svc/a?x=%0A", "x=%0A")]
    public void TryNormalize_Query_IsKeptAsSent(string target, string query)
    {
        Assert.True(RequestNormalizer.TryNormalize("GET", target, out var request, out var failure), failure?.Message);
        Assert.Equal(query, request.Query);
        Assert.Equal("/a", request.Path);
    }

    [Fact]
    public void TryNormalize_ServiceSegment_IsTheRoute()
    {
        Assert.True(RequestNormalizer.TryNormalize("POST", "/my-api2/v1/items?limit=5", out var request, out _));
        Assert.Equal(new NormalizedRequest("POST", "my-api2", "/v1/items", "limit=5"), request);
    }

    [Fact]
    public void ToProblem_CarriesCodeStatusAndMessage()
    {
        Assert.False(RequestNormalizer.TryNormalize("GET", "/svc/a%2fb", out _, out var failure));
        var problem = failure.ToProblem();
        Assert.Equal(400, problem.Status);
        Assert.Equal(NormalizationFailure.EncodedSeparator, problem.Code);
        Assert.Equal(failure.Message, problem.Message);
    }
}
