using Airlock.Core.Keys;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Keys;

public sealed class EnvironmentKeyProviderTests : IDisposable
{
    // A variable name of this test's own, so that tests running in parallel never share one.
    private readonly string _variable = "AIRLOCK_TEST_KEK_" + Guid.NewGuid().ToString("N");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Environment.SetEnvironmentVariable(_variable, null);

    [Fact]
    public async Task GetKey_Base64Key_ReturnsItWithTheSameIdAsTheBytes()
    {
        var bytes = new TestData().Bytes(32);
        Environment.SetEnvironmentVariable(_variable, Convert.ToBase64String(bytes));

        using var key = await new EnvironmentKeyProvider(_variable).GetKeyAsync(Ct);
        using var expected = new KeyEncryptionKey(bytes);

        Assert.Equal(expected.Id, key.Id);
        Assert.Equal($"environment variable {_variable}", new EnvironmentKeyProvider(_variable).Describe());
    }

    [Fact]
    public async Task GetKey_Unset_Refused()
    {
        var e = await Assert.ThrowsAsync<KeyProviderException>(() => new EnvironmentKeyProvider(_variable).GetKeyAsync(Ct));

        Assert.Contains($"{_variable} is not set", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%%%%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("clé")]
    public async Task GetKey_Malformed_Refused(string value)
    {
        Environment.SetEnvironmentVariable(_variable, value);

        var e = await Assert.ThrowsAsync<KeyProviderException>(() => new EnvironmentKeyProvider(_variable).GetKeyAsync(Ct));

        Assert.Contains("does not hold a key-encryption key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultVariable_IsAirlockKek() => Assert.Equal("environment variable AIRLOCK_KEK", new EnvironmentKeyProvider().Describe());
}
