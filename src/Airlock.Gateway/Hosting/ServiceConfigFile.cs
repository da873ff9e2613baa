using System.Text.Json;
using Airlock.Core;
using Airlock.Core.Services;
using Airlock.Gateway.Admin;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// The service config file (<c>airlock serve --config FILE</c>, docs/config.md): JSON with the same service
/// objects the admin API takes. It is applied whole at start, or not at all: one bad entry stops the server
/// with the file, line and column, or the entry and field, at fault.
/// </summary>
public static class ServiceConfigFile
{
    public sealed record Document(IReadOnlyList<CreateServiceBody> Services);

    public static async Task ApplyAsync(string path, ServiceRegistry registry, CancellationToken cancellationToken)
    {
        Document document;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await ApiJson.DeserializeAsync<Document>(stream, ApiJson.ConfigFileOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new StartupException($"{path}: the file is empty; it must be an object with a \"services\" list");
        }
        catch (JsonException e)
        {
            throw new StartupException($"{path}: {ApiJson.Describe(e)}", e);
        }
        catch (IOException e)
        {
            throw new StartupException($"{path}: cannot read the config file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StartupException($"{path}: cannot read the config file: {e.Message}", e);
        }

        var duplicate = document.Services.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StartupException($"{path}: service '{duplicate.Key}' is defined more than once");
        }

        // Validate everything before writing anything, so a bad file changes nothing.
        var definitions = new List<ServiceSpec>();
        for (var i = 0; i < document.Services.Count; i++)
        {
            var entry = document.Services[i];
            var spec = entry.ToSpec();
            try
            {
                await registry.ValidateAsync(spec, "config", cancellationToken).ConfigureAwait(false);
            }
            catch (ControlPlaneException e)
            {
                var fields = string.Join("; ", e.Fields.Select(f => $"services[{i}].{f.Field} {f.Message}"));
                throw new StartupException($"{path}: service '{entry.Name}' is invalid: {(fields.Length > 0 ? fields : e.Message)}", e);
            }

            definitions.Add(spec);
        }

        foreach (var spec in definitions)
        {
            await registry.UpsertAsync(spec, "config", cancellationToken).ConfigureAwait(false);
        }
    }
}
