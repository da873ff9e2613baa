using Airlock.Cedar.Schemas.Syntax;

namespace Airlock.Cedar.Schemas.Resolution;

/// <summary>Expansion of common types, dependencies first, with cycles reported.</summary>
internal sealed partial class SchemaResolver
{
    private void ResolveCommonTypes()
    {
        var names = commonDecls.Keys.ToList();
        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (decl, ns) = commonDecls[name];
            var found = new List<string>();
            CollectCommonReferences(decl.Type, ns, found);
            dependencies[name] = found;
        }

        IReadOnlyList<string> Dependencies(string n) => dependencies.TryGetValue(n, out var d) ? d : [];

        // Components arrive dependencies first, so each definition sees the expansions it needs.
        foreach (var component in Hierarchy.Components(names, Dependencies))
        {
            if (Hierarchy.IsCycle(component, Dependencies))
            {
                var members = component.OrderBy(n => commonDecls[n].Decl.Position.Offset).ToList();
                foreach (var member in members)
                {
                    resolvedCommon[member] = null;
                }

                Error(commonDecls[members[0]].Decl.Position, $"cycle in common type references containing {string.Join(", ", members.Select(m => $"`{m}`"))}", "a common type cannot refer to itself, directly or through others; use an entity type for recursive data");
                continue;
            }

            var (decl, ns) = commonDecls[component[0]];
            resolvedCommon[component[0]] = ResolveType(decl.Type, ns);
        }
    }

    // Finds the user-declared common types a definition refers to, without reporting anything.
    private void CollectCommonReferences(RawType type, string ns, List<string> names)
    {
        switch (type)
        {
            case RawSetType set:
                CollectCommonReferences(set.Element, ns, names);
                break;
            case RawRecordType record:
                foreach (var attribute in record.Attributes)
                {
                    CollectCommonReferences(attribute.Type, ns, names);
                }

                break;
            case RawTypeReference reference:
                if (TryResolveName(reference.Name, ns, reference.Kind) is { IsCommon: true } found && commonDecls.ContainsKey(found.Name))
                {
                    names.Add(found.Name);
                }

                break;
        }
    }
}
