using System.Collections.ObjectModel;
using Airlock.Cedar.Schemas.Resolution;
using Airlock.Cedar.Schemas.Syntax;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Schemas;

/// <summary>
/// A validated Cedar schema: entity types and actions with every name resolved, common types expanded,
/// and the entity-type and action hierarchies transitively closed. Immutable.
/// </summary>
public sealed class Schema
{
    /// <summary>How deeply sets and records may nest in one type (counting the type itself), in both input formats and after expanding common types.</summary>
    public const int MaxTypeDepth = 128;

    // Plain collections, never handed out mutable: building frozen ones costs more than a schema's lookups save.
    private static readonly IReadOnlySet<string> NoTypes = new HashSet<string>();
    private static readonly IReadOnlySet<EntityUid> NoActions = new HashSet<EntityUid>();
    private readonly Dictionary<string, HashSet<string>> entityAncestors;
    private readonly Dictionary<string, HashSet<string>> entityDescendants;
    private readonly Dictionary<EntityUid, HashSet<EntityUid>> actionAncestors;
    private readonly Dictionary<EntityUid, HashSet<EntityUid>> actionDescendants;

    internal Schema(
        Dictionary<string, EntityTypeSchema> entityTypes,
        Dictionary<EntityUid, ActionSchema> actions,
        Dictionary<string, SchemaType> commonTypes,
        Dictionary<string, HashSet<string>> entityAncestors,
        Dictionary<EntityUid, HashSet<EntityUid>> actionAncestors)
    {
        EntityTypes = new ReadOnlyDictionary<string, EntityTypeSchema>(entityTypes);
        Actions = new ReadOnlyDictionary<EntityUid, ActionSchema>(actions);
        CommonTypes = new ReadOnlyDictionary<string, SchemaType>(commonTypes);
        ActionEntityTypes = new ReadOnlySet<string>(actions.Keys.Select(a => a.Type).ToHashSet(StringComparer.Ordinal));
        this.entityAncestors = entityAncestors;
        this.actionAncestors = actionAncestors;
        entityDescendants = Invert(entityAncestors, StringComparer.Ordinal);
        actionDescendants = Invert(actionAncestors, EqualityComparer<EntityUid>.Default);
    }

    /// <summary>Every declared entity type by fully qualified name (action types are not included).</summary>
    public IReadOnlyDictionary<string, EntityTypeSchema> EntityTypes { get; }

    /// <summary>Every declared action by its entity uid, such as <c>NS::Action::"view"</c>.</summary>
    public IReadOnlyDictionary<EntityUid, ActionSchema> Actions { get; }

    /// <summary>The declared common types by fully qualified name, expanded; informational, as nothing else refers to them.</summary>
    public IReadOnlyDictionary<string, SchemaType> CommonTypes { get; }

    /// <summary>The action entity types that have declared actions, such as <c>Action</c> or <c>NS::Action</c>.</summary>
    public IReadOnlySet<string> ActionEntityTypes { get; }

    /// <summary>Parses and validates a schema in the human-readable syntax (<c>.cedarschema</c>).</summary>
    /// <exception cref="CedarException">With every problem found, each with its line, column and a hint.</exception>
    public static Schema Parse(string cedarschemaText, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(cedarschemaText);
        var source = new SchemaSource(new SourceText(cedarschemaText, sourceName));
        return SchemaResolver.Resolve(SchemaParser.Parse(source), source);
    }

    /// <summary>Parses and validates a schema in the JSON schema format.</summary>
    /// <exception cref="CedarException">With every problem found, each with its line, column, JSON path and a hint.</exception>
    public static Schema FromJson(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var source = new SchemaSource(new SourceText(json, sourceName));
        return SchemaResolver.Resolve(JsonSchemaReader.Read(source), source);
    }

    /// <summary>Returns the declaration of <paramref name="name"/>, or null when no such entity type is declared.</summary>
    public EntityTypeSchema? GetEntityType(string name) => EntityTypes.GetValueOrDefault(name);

    /// <summary>Returns the declaration of <paramref name="action"/>, or null when no such action is declared.</summary>
    public ActionSchema? GetAction(EntityUid action) => Actions.GetValueOrDefault(action);

    /// <summary>True for a declared entity type or an action entity type of this schema.</summary>
    public bool IsKnownEntityType(string name) => EntityTypes.ContainsKey(name) || ActionEntityTypes.Contains(name);

    /// <summary>Every action <paramref name="action"/> is transitively a member of (empty for unknown actions).</summary>
    public IReadOnlySet<EntityUid> ActionAncestors(EntityUid action) =>
        actionAncestors.TryGetValue(action, out var set) ? new ReadOnlySet<EntityUid>(set) : NoActions;

    /// <summary>Every action that is transitively a member of <paramref name="action"/> (empty for unknown actions).</summary>
    public IReadOnlySet<EntityUid> ActionDescendants(EntityUid action) =>
        actionDescendants.TryGetValue(action, out var set) ? new ReadOnlySet<EntityUid>(set) : NoActions;

    /// <summary>Every entity type whose entities may (transitively) contain entities of <paramref name="entityType"/>.</summary>
    public IReadOnlySet<string> EntityTypeAncestors(string entityType) =>
        entityAncestors.TryGetValue(entityType, out var set) ? new ReadOnlySet<string>(set) : NoTypes;

    /// <summary>Every entity type whose entities may (transitively) be members of entities of <paramref name="entityType"/>.</summary>
    public IReadOnlySet<string> EntityTypeDescendants(string entityType) =>
        entityDescendants.TryGetValue(entityType, out var set) ? new ReadOnlySet<string>(set) : NoTypes;

    /// <summary>
    /// True when entities of <paramref name="childType"/> may be members (transitively) of entities of
    /// <paramref name="ancestorType"/> according to <c>memberOfTypes</c>; false for the same type unless the hierarchy has a cycle.
    /// </summary>
    public bool IsDescendantType(string childType, string ancestorType) =>
        entityAncestors.TryGetValue(childType, out var set) && set.Contains(ancestorType);

    /// <summary>
    /// Writes the schema in the human-readable syntax, in a canonical order; parsing the result gives an equal schema,
    /// except that an action declaring only one of principal and resource types (possible in JSON) is written without <c>appliesTo</c>.
    /// </summary>
    public string ToCedarSchemaText() => SchemaWriter.Write(this);

    private static Dictionary<T, HashSet<T>> Invert<T>(Dictionary<T, HashSet<T>> ancestors, IEqualityComparer<T> comparer)
        where T : notnull
    {
        var descendants = new Dictionary<T, HashSet<T>>(comparer);
        foreach (var (node, set) in ancestors)
        {
            foreach (var ancestor in set)
            {
                if (!descendants.TryGetValue(ancestor, out var list))
                {
                    descendants[ancestor] = list = new HashSet<T>(comparer);
                }

                list.Add(node);
            }
        }

        return descendants;
    }
}
