using Airlock.Gateway.Hosting;
using Airlock.Gateway.Tests.Support;

namespace Airlock.Gateway.Tests;

public sealed class ConfigFileTests
{
    [Fact]
    public async Task Services_in_the_config_file_are_registered_at_start()
    {
        var config = Path.Combine(Path.GetTempPath(), $"airlock-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """
            {
              // comments and trailing commas are allowed in the file
              "services": [
                { "name": "weather", "url": "https://api.weather.example/v1", "description": "forecasts", "credential": { "kind": "none" } },
              ],
            }
            """);
        await using var gateway = await RunningGateway.StartAsync(config);

        var service = await gateway.GetAsync("/v1/services/weather");

        Assert.Equal("config", service["source"]!.GetValue<string>());
        Assert.Equal("https://api.weather.example/v1", service["url"]!.GetValue<string>());
        File.Delete(config);
    }

    [Theory]
    [InlineData("""{ "services": [ { "name": "a", "url": 42 } ] }""", "line 1")]
    [InlineData("""{ "services": [ { "name": "a", "url": "https://a.example", "credential": { "kind": "header", "header": "X-Key", "template": "{{secret:absent}}" } } ] }""", "services[0].credential")]
    [InlineData("""{ "services": [ { "name": "a", "url": "https://a.example" }, { "name": "a", "url": "https://b.example" } ] }""", "more than once")]
    [InlineData("""{ "servics": [] }""", "servics")]
    public async Task A_bad_config_file_stops_the_server_with_the_place_at_fault(string text, string expected)
    {
        var config = Path.Combine(Path.GetTempPath(), $"airlock-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, text);

        var e = await Assert.ThrowsAsync<StartupException>(() => RunningGateway.StartAsync(config));

        Assert.Contains(config, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        File.Delete(config);
    }
}
