using Airlock.Cedar.Ast;
using Airlock.Cedar.Parsing;

namespace Airlock.Cedar;

/// <summary>An immutable set of parsed policies and templates. Parse once, authorize many times.</summary>
public sealed class PolicySet
{
    public static readonly PolicySet Empty = new([]);

    private PolicySet(IReadOnlyList<Policy> all)
    {
        All = all;
        Policies = [.. all.Where(p => !p.IsTemplate)];
        Templates = [.. all.Where(p => p.IsTemplate)];
        Index = new PolicyIndex(Policies);
    }

    /// <summary>Static and linked policies, which take part in authorization.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    /// <summary>Templates (policies with slots), which take part only once linked.</summary>
    public IReadOnlyList<Policy> Templates { get; }

    /// <summary>Everything, in source order.</summary>
    public IReadOnlyList<Policy> All { get; }

    internal PolicyIndex Index { get; }

    /// <summary>Parses policy text; ids are <c>policy0</c>, <c>policy1</c>, … in file order.</summary>
    /// <exception cref="CedarException">With every syntax error, each with line, column and help.</exception>
    public static PolicySet Parse(string text, string? sourceName = null, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (policies, errors) = Parser.ParsePolicies(text, sourceName, options);
        return errors.Count > 0 ? throw new CedarException(errors) : new PolicySet(policies);
    }

    /// <summary>Builds a set from already parsed policies; ids must be unique.</summary>
    public static PolicySet FromPolicies(IEnumerable<Policy> policies)
    {
        var list = policies.ToList();
        var duplicate = list.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new CedarException($"duplicate policy id `{duplicate.Key}`")
            : new PolicySet(list);
    }

    /// <summary>Returns a new set with the template <paramref name="templateId"/> linked under <paramref name="newId"/>.</summary>
    public PolicySet Link(string templateId, string newId, Values.EntityUid? principal, Values.EntityUid? resource)
    {
        var template = Templates.FirstOrDefault(t => t.Id == templateId)
            ?? throw new CedarException($"no template with id `{templateId}`");
        return FromPolicies([.. All, template.Link(newId, principal, resource)]);
    }

    public Policy? this[string id] => All.FirstOrDefault(p => p.Id == id);
}
