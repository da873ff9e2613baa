using Airlock.Cedar.Schemas.Syntax;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas.Resolution;

/// <summary>Entity types, actions and the action hierarchy.</summary>
internal sealed partial class SchemaResolver
{
    private Dictionary<string, EntityTypeSchema> ResolveEntityTypes()
    {
        var result = new Dictionary<string, EntityTypeSchema>(StringComparer.Ordinal);
        foreach (var (name, (decl, ns)) in entityDecls)
        {
            var parents = ResolveEntityTypeList(decl.MemberOfTypes, ns, $"entity type `{name}`");
            var ok = parents is not null;
            RecordSchemaType? shape = RecordSchemaType.Empty;
            if (decl.Shape is not null)
            {
                shape = ResolveRecordLike(decl.Shape, ns, $"the shape of entity type `{name}`");
                ok &= shape is not null;
            }

            SchemaType? tags = null;
            if (decl.Tags is not null)
            {
                tags = ResolveType(decl.Tags, ns);
                ok &= tags is not null;
            }

            if (ok)
            {
                result[name] = new EntityTypeSchema(name, parents!, shape!, tags, decl.EnumIds);
            }
        }

        return result;
    }

    private Dictionary<EntityUid, ActionSchema> ResolveActions()
    {
        var result = new Dictionary<EntityUid, ActionSchema>();
        foreach (var (uid, (decl, ns)) in actionDecls)
        {
            var what = $"action `{uid}`";
            var principals = ResolveEntityTypeList(decl.PrincipalTypes, ns, what);
            var resources = ResolveEntityTypeList(decl.ResourceTypes, ns, what);
            var context = decl.Context is null ? RecordSchemaType.Empty : ResolveRecordLike(decl.Context, ns, $"the context of action `{uid}`");
            var parents = new List<EntityUid>();
            var ok = principals is not null && resources is not null && context is not null;
            foreach (var reference in decl.MemberOf)
            {
                if (ResolveActionReference(reference, ns) is { } parent)
                {
                    if (!parents.Contains(parent))
                    {
                        parents.Add(parent);
                    }
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                result[uid] = new ActionSchema(uid, principals!, resources!, context!, parents);
            }
        }

        return result;
    }

    /// <summary>Resolves names that must be declared entity types (not action types); null after reporting problems.</summary>
    private List<string>? ResolveEntityTypeList(IReadOnlyList<RawName> names, string ns, string owner)
    {
        var result = new List<string>();
        var ok = true;
        foreach (var written in names)
        {
            if (ResolveName(written.Name, ns, ReferenceKind.Entity, written.Position) is not { } found)
            {
                ok = false;
            }
            else if (!entityDecls.ContainsKey(found.Name))
            {
                Error(written.Position, $"undeclared entity type `{found.Name}` in {owner}", "only types declared with `entity` can be parents, principals or resources; actions are grouped with `action ... in`");
                ok = false;
            }
            else if (!result.Contains(found.Name))
            {
                result.Add(found.Name);
            }
        }

        return ok ? result : null;
    }

    // Shapes and contexts may be written as common types, but must come out as records.
    private RecordSchemaType? ResolveRecordLike(RawType raw, string ns, string what)
    {
        var type = ResolveType(raw, ns);
        if (type is null or RecordSchemaType)
        {
            return (RecordSchemaType?)type;
        }

        Error(raw.Position, $"{what} must be a record type, found `{type}`", "declare the attributes as a record `{ ... }`, or name a common type whose definition is a record");
        return null;
    }

    // `"x"` and `Action::"x"` mean this namespace's action if it exists, else the empty namespace's.
    private EntityUid? ResolveActionReference(RawActionReference reference, string ns)
    {
        var type = reference.Type ?? "Action";
        foreach (var candidate in Candidates(type, ns))
        {
            var uid = new EntityUid(candidate, reference.Id);
            if (actionDecls.ContainsKey(uid))
            {
                return uid;
            }
        }

        Error(reference.Position, $"undefined action `{new EntityUid(type, reference.Id)}`", "declare the parent action, or name one of another namespace as `NS::Action::\"id\"`");
        return null;
    }

    private Dictionary<EntityUid, HashSet<EntityUid>> ActionHierarchy(Dictionary<EntityUid, ActionSchema> actions)
    {
        IReadOnlyList<EntityUid> Parents(EntityUid uid) => actions.TryGetValue(uid, out var a) ? a.MemberOf : [];
        foreach (var component in Hierarchy.Components([.. actions.Keys], Parents))
        {
            if (Hierarchy.IsCycle(component, Parents))
            {
                var first = component.MinBy(uid => actionDecls[uid].Decl.Position.Offset)!;
                Error(actionDecls[first].Decl.Position, $"cycle in action hierarchy containing `{first}`", "an action cannot be a member of itself, directly or through other actions; remove one of the `in` links");
            }
        }

        return Hierarchy.Ancestors([.. actions.Keys], Parents);
    }
}
