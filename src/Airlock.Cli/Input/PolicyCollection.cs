using Airlock.Cedar;
using Airlock.Cedar.Ast;

namespace Airlock.Cli.Input;

/// <summary>The policies of every file given to <c>--policies</c>, numbered <c>policy0</c>, <c>policy1</c>, … across files in order.</summary>
internal sealed class PolicyCollection
{
    private readonly Dictionary<string, PolicyOrigin> byId;

    private PolicyCollection(IReadOnlyList<PolicyFile> files)
    {
        Files = files;
        var origins = new List<PolicyOrigin>();
        foreach (var file in files)
        {
            foreach (var policy in file.Policies?.All ?? [])
            {
                // Each file numbers its policies from policy0; renumbering keeps ids unique and equal to the
                // engine's own ids when a single file is given.
                var id = $"policy{origins.Count}";
                var (line, column) = file.Source.Locate(policy.Span.Start);
                origins.Add(new PolicyOrigin(id, Renamed(policy, id), file.Path, line, column));
            }
        }

        Origins = origins;
        byId = origins.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PolicyFile> Files { get; }

    /// <summary>Every policy and template, in file order.</summary>
    public IReadOnlyList<PolicyOrigin> Origins { get; }

    /// <summary>Every syntax error of every file.</summary>
    public IEnumerable<CedarDiagnostic> SyntaxErrors => Files.SelectMany(f => f.Errors);

    /// <summary>True when every file parsed.</summary>
    public bool Parsed => Files.All(f => f.Policies is not null);

    /// <summary>Loads every <c>.cedar</c> file named by <paramref name="path"/>.</summary>
    public static PolicyCollection Load(string path, string option) =>
        new([.. PolicyFiles.Expand(path, option).Select(f => PolicyFile.Load(f, option))]);

    /// <summary>All policies of all files as one set, with the ids of <see cref="Origins"/>.</summary>
    public PolicySet ToPolicySet() => PolicySet.FromPolicies(Origins.Select(o => o.Policy));

    /// <summary>Returns the origin of the policy with this (renumbered) id, or null.</summary>
    public PolicyOrigin? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Returns the id of the policy of <paramref name="file"/> whose text contains <paramref name="line"/>:<paramref name="column"/>, or null.</summary>
    public string? IdAt(string? file, int line, int column)
    {
        if (file is null || line <= 0)
        {
            return null;
        }

        var source = Files.FirstOrDefault(f => f.Path == file)?.Source;
        if (source is null)
        {
            return null;
        }

        foreach (var origin in Origins.Where(o => o.File == file))
        {
            var end = source.Locate(origin.Policy.Span.End);
            if ((line, column).CompareTo((origin.Line, origin.Column)) >= 0 && (line, column).CompareTo(end) <= 0)
            {
                return origin.Id;
            }
        }

        return null;
    }

    private static Policy Renamed(Policy p, string id) =>
        p.Id == id ? p : new Policy(id, p.Effect, p.Annotations, p.Principal, p.Action, p.Resource, p.Conditions, p.Span, p.TemplateId);
}
