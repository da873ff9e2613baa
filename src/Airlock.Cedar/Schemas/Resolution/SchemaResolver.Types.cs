using Airlock.Cedar.Schemas.Syntax;

namespace Airlock.Cedar.Schemas.Resolution;

/// <summary>Name resolution and expansion of types and common types.</summary>
internal sealed partial class SchemaResolver
{
    // A resolved type written out in full may have at most this many nodes; common types that double at each step would otherwise explode.
    private const long MaxTypeSize = 1_000_000;

    // Builtin types as common types: `__cedar::Long` always, plain `Long` unless the empty namespace declares that name itself.
    private readonly Dictionary<string, SchemaType> builtinCommon = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaType?> resolvedCommon = new(StringComparer.Ordinal);

    private void AddBuiltins()
    {
        var builtins = new List<(string Name, SchemaType Type)>
        {
            ("Bool", PrimitiveSchemaType.Bool),
            ("Long", PrimitiveSchemaType.Long),
            ("String", PrimitiveSchemaType.String),
        };
        builtins.AddRange(ExtensionSchemaType.All.Select(e => (e.Name, (SchemaType)e)));
        foreach (var (name, type) in builtins)
        {
            builtinCommon[Identifiers.CedarNamespace + "::" + name] = type;
            if (!entityDecls.ContainsKey(name) && !commonDecls.ContainsKey(name))
            {
                builtinCommon[name] = type;
            }
        }

        foreach (var uid in actionDecls.Keys)
        {
            actionTypes.Add(uid.Type);
        }
    }

    private bool IsCommon(string name) => commonDecls.ContainsKey(name) || builtinCommon.ContainsKey(name);

    private bool IsEntity(string name) => entityDecls.ContainsKey(name) || actionTypes.Contains(name);

    /// <summary>The fully qualified names an unqualified name written in <paramref name="ns"/> may mean, most preferred first.</summary>
    private static string[] Candidates(string written, string ns) =>
        written.Contains("::", StringComparison.Ordinal) || ns.Length == 0 ? [written] : [ns + "::" + written, written];

    /// <summary>
    /// Resolves a written name: for each candidate in order, a common type (when allowed) wins over an entity type.
    /// Returns null after reporting an error when nothing matches.
    /// </summary>
    private (string Name, bool IsCommon)? ResolveName(string written, string ns, ReferenceKind kind, SourcePosition position)
    {
        if (TryResolveName(written, ns, kind) is { } found)
        {
            return found;
        }

        var candidates = Candidates(written, ns);
        var (what, declaredAs) = kind switch
        {
            ReferenceKind.Common => ("common type", "a common type"),
            ReferenceKind.Entity => ("entity type", "an entity type"),
            _ => ("type", "a common or entity type"),
        };
        var help = candidates.Length == 1
            ? $"`{candidates[0]}` is not declared as {declaredAs}"
            : $"neither `{candidates[0]}` nor `{candidates[1]}` is declared as {declaredAs}";
        Error(position, $"undefined {what} `{written}`", help);
        return null;
    }

    private (string Name, bool IsCommon)? TryResolveName(string written, string ns, ReferenceKind kind)
    {
        foreach (var candidate in Candidates(written, ns))
        {
            if (kind != ReferenceKind.Entity && IsCommon(candidate))
            {
                return (candidate, true);
            }

            if (kind != ReferenceKind.Common && IsEntity(candidate))
            {
                return (candidate, false);
            }
        }

        return null;
    }

    /// <summary>Resolves a written type; returns null once its problems are reported.</summary>
    private SchemaType? ResolveType(RawType raw, string ns)
    {
        switch (raw)
        {
            case RawPrimitiveType primitive:
                return PrimitiveSchemaType.Of(primitive.Kind);
            case RawExtensionType extension:
                return extension.Type;
            case RawSetType set:
                var element = ResolveType(set.Element, ns);
                return element is null ? null : Limited(new SetSchemaType(element), raw.Position);
            case RawRecordType record:
                return ResolveRecord(record, ns);
            case RawTypeReference reference:
                var resolved = ResolveName(reference.Name, ns, reference.Kind, reference.Position);
                if (resolved is not { } found)
                {
                    return null;
                }

                if (!found.IsCommon)
                {
                    return new EntitySchemaType(found.Name);
                }

                return builtinCommon.TryGetValue(found.Name, out var builtin) ? builtin : resolvedCommon.GetValueOrDefault(found.Name);
            default:
                throw new InvalidOperationException("unknown raw type");
        }
    }

    private RecordSchemaType? ResolveRecord(RawRecordType record, string ns)
    {
        var attributes = new Dictionary<string, AttributeSchema>(StringComparer.Ordinal);
        var ok = true;
        foreach (var attribute in record.Attributes)
        {
            var type = ResolveType(attribute.Type, ns);
            if (type is null)
            {
                ok = false;
                continue;
            }

            attributes[attribute.Name] = new AttributeSchema(type, attribute.Required);
        }

        return ok ? (RecordSchemaType?)Limited(new RecordSchemaType(attributes), record.Position) : null;
    }

    // Refuses types that, with common types expanded, nest too deeply or grow too large.
    private SchemaType? Limited(SchemaType type, SourcePosition position)
    {
        if (type.Depth > Schema.MaxTypeDepth)
        {
            Error(position, $"type is nested more than {Schema.MaxTypeDepth} levels deep once common types are expanded", "flatten the type; sets and records may nest at most this deep");
            return null;
        }

        if (type.Size > MaxTypeSize)
        {
            Error(position, $"type has more than {MaxTypeSize} parts once common types are expanded", "simplify the common types; each use of a common type copies its whole definition");
            return null;
        }

        return type;
    }
}
