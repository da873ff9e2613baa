using System.Text;
using System.Text.Json;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks;

public sealed class ExfiltrationCheckTests
{
    private readonly TestData _some = new();

    [Fact]
    public void ScanUrl_SecretInTheQuery_IsFoundByName()
    {
        var secret = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("maps_key", secret), ("other", _some.Canary()));
        var check = set.CreateExfiltrationCheck();

        check.ScanUrl("/v1/search?q=" + Uri.EscapeDataString(secret) + "&page=2");

        Assert.True(check.Found);
        Assert.Equal(["maps_key"], check.SecretNames);
    }

    [Fact]
    public void ScanUrl_SecretEscapedInAnUnusualWay_IsFoundAfterDecoding()
    {
        var secret = _some.Canary();
        var set = LeakTestKit.Set(("k", secret));
        var check = set.CreateExfiltrationCheck();

        // Every other character percent-encoded: no encoder emits this, decoding finds it.
        var odd = string.Concat(secret.Select((c, i) => i % 2 == 0 ? $"%{(int)c:X2}" : c.ToString()));
        check.ScanUrl("/upload?data=" + odd);

        Assert.Equal(["k"], check.SecretNames);
    }

    [Fact]
    public void ScanHeader_SecretInsideBasicCredentials_IsFound()
    {
        var password = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("db_password", password));
        var check = set.CreateExfiltrationCheck();

        check.ScanHeader("X-Forward-Auth", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));

        Assert.Equal(["db_password"], check.SecretNames);
    }

    [Fact]
    public void ScanBody_SecretSplitAcrossOneByteChunks_IsFound()
    {
        var secret = _some.AwkwardSecret();
        var set = LeakTestKit.Set(("token", secret), ("unused", _some.Canary()));
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { note = _some.Word(), leak = secret }));
        var check = set.CreateExfiltrationCheck();

        foreach (var b in body)
        {
            check.ScanBody([b]);
        }

        check.CompleteBody();
        Assert.Equal(["token"], check.SecretNames);
    }

    [Fact]
    public void Scan_CleanRequest_FindsNothing()
    {
        var set = LeakTestKit.Set(("token", _some.Canary()));
        var check = set.CreateExfiltrationCheck();

        check.ScanUrl("/v1/items?q=" + _some.Word());
        check.ScanHeader("Authorization", "Bearer " + _some.Word(40));
        check.ScanBody(Encoding.UTF8.GetBytes(_some.Word(1000)));
        check.CompleteBody();

        Assert.False(check.Found);
        Assert.Empty(check.SecretNames);
    }

    [Fact]
    public void Scan_CredentialFormatsThatAreNotHeld_AreNotExfiltration()
    {
        var set = LeakTestKit.SetWithDetectors(("token", _some.Canary()));
        var check = set.CreateExfiltrationCheck();

        // The agent's own session token is a JWT; detectors apply to responses only.
        check.ScanHeader("Authorization", "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIn0.c2lnbmF0dXJlc2lnbmF0dXJl");

        Assert.False(check.Found);
    }
}
