using Airlock.Cedar.Schemas.Syntax;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas.Resolution;

/// <summary>
/// Turns declarations as written (from either format) into a <see cref="Schema"/>: checks names, resolves every
/// type reference the way the reference does (RFC 24 and RFC 70), expands common types, and builds the hierarchies.
/// Every problem found is reported; none stops the others from being looked for.
/// </summary>
internal sealed partial class SchemaResolver
{
    private const string CedarHelp = "names containing `__cedar` (such as `__cedar::A` or `A::__cedar`) are reserved for builtin types";

    private readonly SchemaSource source;
    private readonly List<CedarDiagnostic> diagnostics = [];
    private readonly Dictionary<string, (RawCommonType Decl, string Ns)> commonDecls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RawEntityType Decl, string Ns)> entityDecls = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityUid, (RawAction Decl, string Ns)> actionDecls = [];
    private readonly HashSet<string> actionTypes = new(StringComparer.Ordinal);

    private SchemaResolver(SchemaSource source) => this.source = source;

    /// <summary>Resolves <paramref name="namespaces"/>; throws <see cref="CedarException"/> with every problem found.</summary>
    public static Schema Resolve(IReadOnlyList<RawNamespace> namespaces, SchemaSource source)
    {
        var resolver = new SchemaResolver(source);
        resolver.Declare(namespaces);
        resolver.CheckShadowing();
        resolver.AddBuiltins();
        resolver.ResolveCommonTypes();
        var entityTypes = resolver.ResolveEntityTypes();
        var actions = resolver.ResolveActions();
        var entityAncestors = Hierarchy.Ancestors([.. entityTypes.Keys], name => entityTypes.TryGetValue(name, out var t) ? t.MemberOfTypes : []);
        var actionAncestors = resolver.ActionHierarchy(actions);
        if (resolver.diagnostics.Count > 0)
        {
            throw new CedarException([.. resolver.diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)]);
        }

        var commonTypes = resolver.resolvedCommon.ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        return new Schema(entityTypes, actions, commonTypes, entityAncestors, actionAncestors);
    }

    private void Declare(IReadOnlyList<RawNamespace> namespaces)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            if (ns.Name.Length > 0 && !named.Add(ns.Name))
            {
                Error(ns.Position, $"duplicate namespace `{ns.Name}`", "declare each namespace in one block");
                continue;
            }

            if (Identifiers.ContainsCedarNamespace(ns.Name))
            {
                Error(ns.Position, $"namespace `{ns.Name}` uses the reserved name `__cedar`", CedarHelp);
                continue;
            }

            DeclareCommonTypes(ns);
            DeclareEntityTypes(ns);
            DeclareActions(ns);
        }
    }

    private void DeclareCommonTypes(RawNamespace ns)
    {
        foreach (var decl in ns.CommonTypes)
        {
            var name = Identifiers.Qualify(ns.Name, decl.Name);
            if (decl.Name == Identifiers.CedarNamespace)
            {
                Error(decl.Position, "a common type cannot be named `__cedar`", CedarHelp);
            }
            else if (Identifiers.IsReservedCommonTypeName(decl.Name))
            {
                Error(decl.Position, $"`{decl.Name}` is reserved and cannot be the name of a common type", "`Bool`, `Boolean`, `Entity`, `Extension`, `Long`, `Record`, `Set` and `String` name builtin types; choose another name");
            }
            else if (!commonDecls.TryAdd(name, (decl, ns.Name)))
            {
                Error(decl.Position, $"common type `{name}` is declared more than once", "remove or rename one of the declarations");
            }
        }
    }

    private void DeclareEntityTypes(RawNamespace ns)
    {
        foreach (var decl in ns.EntityTypes)
        {
            var name = Identifiers.Qualify(ns.Name, decl.Name);
            if (decl.Name == Identifiers.CedarNamespace)
            {
                Error(decl.Position, "an entity type cannot be named `__cedar`", CedarHelp);
            }
            else if (decl.Name == "Action")
            {
                Error(decl.Position, $"entity type `{name}` cannot be declared", "`Action` is the type of a namespace's actions; declare actions with `action` instead");
            }
            else if (!entityDecls.TryAdd(name, (decl, ns.Name)))
            {
                Error(decl.Position, $"entity type `{name}` is declared more than once", "remove or rename one of the declarations");
            }
        }
    }

    private void DeclareActions(RawNamespace ns)
    {
        foreach (var decl in ns.Actions)
        {
            var uid = new EntityUid(Identifiers.Qualify(ns.Name, "Action"), decl.Name);
            if (!actionDecls.TryAdd(uid, (decl, ns.Name)))
            {
                Error(decl.Position, $"action `{uid}` is declared more than once", "remove or rename one of the declarations");
            }
        }
    }

    // RFC 70: nothing in a namespace may share its basename with a type (or action id) of the empty namespace.
    private void CheckShadowing()
    {
        var emptyNamespaceTypes = entityDecls.Keys.Concat(commonDecls.Keys).Where(n => !n.Contains("::", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, position) in entityDecls.Select(p => (p.Key, p.Value.Decl.Position)).Concat(commonDecls.Select(p => (p.Key, p.Value.Decl.Position))))
        {
            var basename = Identifiers.Basename(name);
            if (name.Contains("::", StringComparison.Ordinal) && emptyNamespaceTypes.Contains(basename) && reported.Add(name))
            {
                Error(position, $"definition of `{name}` illegally shadows the existing definition of `{basename}`", $"rename one of them, or move `{basename}` into a namespace");
            }
        }

        var emptyNamespaceActions = actionDecls.Keys.Where(uid => uid.Type == "Action").Select(uid => uid.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (uid, (decl, _)) in actionDecls)
        {
            if (uid.Type != "Action" && emptyNamespaceActions.Contains(uid.Id))
            {
                Error(decl.Position, $"definition of `{uid}` illegally shadows the existing definition of `{new EntityUid("Action", uid.Id)}`", "rename one of the actions, or move the one in the empty namespace into a namespace");
            }
        }
    }

    private void Error(SourcePosition position, string message, string help) =>
        diagnostics.Add(source.Diagnostic(position, message, help));
}
