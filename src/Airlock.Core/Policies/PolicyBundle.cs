using Airlock.Cedar;
using Airlock.Cedar.Ast;

namespace Airlock.Core.Policies;

/// <summary>Where a loaded policy came from, and what it says for itself (its <c>@reason</c>).</summary>
public sealed record PolicyOrigin(string Id, string File, int Line, int Column, string? Reason);

/// <summary>
/// A policy directory loaded whole: every <c>*.cedar</c> file, parsed and validated against
/// <see cref="AirlockSchema"/>. Policy ids are the <c>@id("…")</c> annotation when present (unique across the
/// directory), otherwise <c>file.cedar#N</c>, so that audit records name a policy an operator can find.
/// </summary>
public sealed class PolicyBundle
{
    public const int MaxFiles = 1000;

    private PolicyBundle(PolicySet policies, IReadOnlyDictionary<string, PolicyOrigin> origins, IReadOnlyList<string> files, DateTimeOffset loadedAt)
    {
        Policies = policies;
        Origins = origins;
        Files = files;
        LoadedAt = loadedAt;
    }

    /// <summary>No policy at all: every call is denied by default.</summary>
    public static PolicyBundle Empty { get; } = new(PolicySet.Empty, new Dictionary<string, PolicyOrigin>(), [], DateTimeOffset.MinValue);

    public PolicySet Policies { get; }

    public IReadOnlyDictionary<string, PolicyOrigin> Origins { get; }

    public IReadOnlyList<string> Files { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Loads <paramref name="directory"/>; on any error the bundle is null and every problem is listed as file:line:column.</summary>
    public static (PolicyBundle? Bundle, IReadOnlyList<CedarDiagnostic> Errors) Load(string directory, DateTimeOffset now)
    {
        if (!Directory.Exists(directory))
        {
            return (null, [new CedarDiagnostic($"policy directory {directory} does not exist", directory, 0, 0, "create it, or point --policies at the directory that holds your .cedar files")]);
        }

        var paths = Directory.EnumerateFiles(directory, "*.cedar", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray();
        if (paths.Length > MaxFiles)
        {
            return (null, [new CedarDiagnostic($"policy directory holds {paths.Length} files, more than {MaxFiles}", directory, 0, 0)]);
        }

        var errors = new List<CedarDiagnostic>();
        var policies = new List<Policy>();
        var origins = new Dictionary<string, PolicyOrigin>(StringComparer.Ordinal);
        var validator = new Validator(AirlockSchema.Schema);
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                errors.Add(new CedarDiagnostic($"cannot read the file: {e.Message}", name, 0, 0));
                continue;
            }

            PolicySet set;
            try
            {
                set = PolicySet.Parse(text, name);
            }
            catch (CedarException e)
            {
                errors.AddRange(e.Diagnostics);
                continue;
            }

            var source = new SourceText(text, name);
            var validation = validator.Validate(set, source);
            errors.AddRange(validation.Errors);
            for (var i = 0; i < set.All.Count; i++)
            {
                var policy = set.All[i];
                var (line, column) = source.Locate(policy.Span.Start);
                if (policy.IsTemplate)
                {
                    errors.Add(new CedarDiagnostic("templates are not loaded from the policy directory; write the policy for the principal and resource it is meant for", name, line, column));
                    continue;
                }

                var id = policy.Annotation("id") ?? $"{name}#{i}";
                if (origins.TryGetValue(id, out var first))
                {
                    errors.Add(new CedarDiagnostic($"policy id \"{id}\" is already used at {first.File}:{first.Line}:{first.Column}", name, line, column, "give each policy a unique @id"));
                    continue;
                }

                origins[id] = new PolicyOrigin(id, name, line, column, policy.Annotation("reason"));
                policies.Add(new Policy(id, policy.Effect, policy.Annotations, policy.Principal, policy.Action, policy.Resource, policy.Conditions, policy.Span, policy.TemplateId));
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PolicyBundle(PolicySet.FromPolicies(policies), origins, [.. paths.Select(Path.GetFileName).OfType<string>()], now), []);
    }
}
