using Airlock.Core.Llm;
using System.Collections.Frozen;
using Airlock.Core.Secrets;
using Airlock.Core.Storage;

namespace Airlock.Core.Services;

/// <summary>What an operator gives to register an upstream (from the admin API or the config file).</summary>
public sealed record ServiceSpec(string Name, string Url, string? Description, CredentialBinding? Credential, bool PolicyBody = false, LlmSettings? Llm = null);

/// <summary>
/// Registers and removes upstream services, refusing anything that could not work or could leak, and holds every
/// registered service in memory for the data plane, which looks one up on each call. The in-memory set is replaced
/// whole after each change is stored, so a call sees either the old or the new set, never a half-applied one.
/// </summary>
public sealed class ServiceRegistry(IAirlockStore store, Vault vault, TimeProvider time)
{
    private readonly Lock _writeGate = new();
    private FrozenDictionary<string, ServiceDefinition> _byName = FrozenDictionary<string, ServiceDefinition>.Empty;

    /// <summary>Reads every service from the store; called once at start.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var all = await store.Services.ListAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _byName, all.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal));
    }

    /// <summary>The registered service of that name, without a store read.</summary>
    public ServiceDefinition? Find(string name) => Volatile.Read(ref _byName).GetValueOrDefault(name);

    /// <summary>Registers a new service; Conflict when the name is taken.</summary>
    public async Task<ServiceDefinition> AddAsync(ServiceSpec spec, string source, CancellationToken cancellationToken = default)
    {
        var service = await ValidateAsync(spec, source, cancellationToken).ConfigureAwait(false);
        if (await store.Services.GetAsync(service.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new ControlPlaneException(ControlPlaneError.Conflict, $"service '{service.Name}' already exists; remove it first with `airlock service remove {service.Name}`");
        }

        await store.Services.UpsertAsync(service, cancellationToken).ConfigureAwait(false);
        Publish(d => d[service.Name] = service);
        return service;
    }

    /// <summary>Registers or replaces a service (the config file is the source of truth for its own entries).</summary>
    public async Task<ServiceDefinition> UpsertAsync(ServiceSpec spec, string source, CancellationToken cancellationToken = default)
    {
        var service = await ValidateAsync(spec, source, cancellationToken).ConfigureAwait(false);
        await store.Services.UpsertAsync(service, cancellationToken).ConfigureAwait(false);
        Publish(d => d[service.Name] = service);
        return service;
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!await store.Services.DeleteAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw ControlPlaneException.NotFound("service", name);
        }

        Publish(d => d.Remove(name));
    }

    private void Publish(Action<Dictionary<string, ServiceDefinition>> change)
    {
        lock (_writeGate)
        {
            var next = new Dictionary<string, ServiceDefinition>(Volatile.Read(ref _byName), StringComparer.Ordinal);
            change(next);
            Volatile.Write(ref _byName, next.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    /// <summary>Checks a spec completely, reporting every field at fault at once, and builds the definition.</summary>
    public async Task<ServiceDefinition> ValidateAsync(ServiceSpec spec, string source, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (!Names.IsValidServiceName(spec.Name))
        {
            errors.Add(new("name", $"must be {Names.ServiceNameRule}"));
        }

        var url = ParseBaseUrl(spec.Url, errors);
        var credential = spec.Credential ?? new NoCredential();
        errors.AddRange(CredentialBindingValidator.Validate(credential));
        if (errors.Count == 0)
        {
            foreach (var secret in CredentialBindingValidator.ReferencedSecrets(credential))
            {
                if (!await vault.ExistsAsync(secret, cancellationToken).ConfigureAwait(false))
                {
                    errors.Add(new("credential", $"references secret '{secret}', which does not exist; store it first with `airlock secret put {secret}`"));
                }
            }
        }

        if (spec.Llm is not null)
        {
            errors.AddRange(LlmSettingsValidator.Validate(spec.Llm));
        }

        if (spec.Description is { Length: > 1024 })
        {
            errors.Add(new("description", "is longer than 1024 characters"));
        }

        if (errors.Count > 0)
        {
            throw ControlPlaneException.Invalid(errors);
        }

        return new ServiceDefinition(spec.Name, url!, credential, spec.Description ?? string.Empty, source, time.GetUtcNow(), spec.PolicyBody, spec.Llm);
    }

    private static Uri? ParseBaseUrl(string? text, List<FieldError> errors)
    {
        const string Example = "e.g. https://api.github.com or http://127.0.0.1:9000/api";
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            errors.Add(new("url", $"must be an absolute http or https URL, {Example}"));
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add(new("url", $"has scheme '{url.Scheme}'; only http and https are supported, {Example}"));
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            errors.Add(new("url", "must not carry user info; put credentials in the vault and bind them with --inject"));
            return null;
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0 || text.Contains('?', StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal))
        {
            errors.Add(new("url", "must not have a query or fragment; bind query credentials with --inject query:NAME=TEMPLATE"));
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/');
        return new UriBuilder(url.Scheme, url.Host, url.Port, path.Length == 0 ? "/" : path).Uri;
    }
}
