using System.Text.Json;

namespace Airlock.Cli.AdminApi;

/// <summary>A successful answer: the typed <see cref="Value"/> for tables and the API's own <see cref="Json"/> for <c>--output json</c>.</summary>
internal sealed record AdminResponse<T>(T Value, JsonElement Json);
