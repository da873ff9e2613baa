namespace Airlock.Cedar.Validation;

/// <summary>
/// Subtyping and least upper bounds. Strict mode (what the validator enforces) has no width subtyping for
/// records and never joins different entity types; permissive mode is still used where the reference uses it,
/// such as checking that an operand is "some entity" or "some record".
/// </summary>
internal static class TypeLattice
{
    public static bool IsSubtype(CedarType sub, CedarType super, bool strict)
    {
        switch (sub, super)
        {
            case (NeverType, _):
                return true;
            case (BoolType b0, BoolType b1):
                return b1.Kind == BoolKind.Any || b0.Kind == b1.Kind;
            case (LongType, LongType):
            case (StringType, StringType):
                return true;
            case (SetType s0, SetType s1):
                return (s0.Element, s1.Element) switch
                {
                    (_, null) => true,
                    (null, _) => false,
                    var (e0, e1) => IsSubtype(e0, e1, strict),
                };
            case (RecordType r0, RecordType r1):
                // An open record may hold values a closed one may not, so open never subtypes closed.
                // Width subtyping applies only to an open supertype, and never in strict mode.
                return (!r0.IsOpen || r1.IsOpen)
                    && ((r1.IsOpen && !strict && AttributesSubtype(r0.Attributes, r1.Attributes, strict))
                        || (r0.Attributes.SameNames(r1.Attributes) && AttributesSubtype(r0.Attributes, r1.Attributes, strict)));
            case (EntityRefType e0, EntityRefType e1):
                return EntitySubtype(e0, e1, strict);
            case (ExtensionType x0, ExtensionType x1):
                return x0.Name == x1.Name;
            default:
                return false;
        }
    }

    /// <summary>Returns the least upper bound, or null with <paramref name="help"/> saying why there is none.</summary>
    public static CedarType? LeastUpperBound(CedarType t0, CedarType t1, bool strict, out LubHelp help)
    {
        help = LubHelp.None;
        if (IsSubtype(t0, t1, strict))
        {
            return t1;
        }

        if (IsSubtype(t1, t0, strict))
        {
            return t0;
        }

        switch (t0, t1)
        {
            case (BoolType, BoolType):
                return BoolType.AnyBool;
            case (SetType { Element: null }, SetType):
            case (SetType, SetType { Element: null }):
                return SetType.AnySet;
            case (SetType s0, SetType s1):
                var element = LeastUpperBound(s0.Element!, s1.Element!, strict, out help);
                return element is null ? null : new SetType(element);
            case (RecordType r0, RecordType r1):
                var attributes = AttributesLub(r0.Attributes, r1.Attributes, strict, out help);
                if (attributes is null)
                {
                    return null;
                }

                // The result is closed only when no attribute was dropped and both inputs were closed.
                var open = r0.IsOpen || r1.IsOpen
                    || attributes.Count != r0.Attributes.Names.Union(r1.Attributes.Names, StringComparer.Ordinal).Count();
                return new RecordType(attributes, open);
            case (EntityRefType e0, EntityRefType e1):
                return EntityLub(e0, e1, strict, out help);
            case (EntityRefType, RecordType):
            case (RecordType, EntityRefType):
                help = LubHelp.EntityRecord;
                return null;
            default:
                return null;
        }
    }

    /// <summary>The least upper bound of all <paramref name="types"/>; <see cref="NeverType"/> for none.</summary>
    public static CedarType? ReduceLeastUpperBound(IEnumerable<CedarType> types, bool strict, out LubHelp help)
    {
        help = LubHelp.None;
        CedarType lub = NeverType.Instance;
        foreach (var t in types)
        {
            var next = LeastUpperBound(lub, t, strict, out help);
            if (next is null)
            {
                return null;
            }

            lub = next;
        }

        return lub;
    }

    /// <summary>
    /// True only when no value has both types. Deliberately conservative: only entity unions with no type in
    /// common are known disjoint (sets of different element types share the empty set, for instance).
    /// </summary>
    public static bool AreDisjoint(CedarType t0, CedarType t1) =>
        t0 is EntityRefType { IsAny: false } e0 && t1 is EntityRefType { IsAny: false } e1 && e0.IsDisjoint(e1);

    /// <summary>The permissive least upper bound of attribute maps: common attributes whose types join.</summary>
    public static RecordAttributes PermissiveAttributesLub(RecordAttributes a0, RecordAttributes a1)
    {
        var result = new List<KeyValuePair<string, AttributeType>>();
        foreach (var (name, t0) in a0.All)
        {
            var t1 = a1.Get(name);
            var lub = t1 is null ? null : AttributeLub(t0, t1, strict: false, out _);
            if (lub is not null)
            {
                result.Add(new(name, lub));
            }
        }

        return new RecordAttributes(result);
    }

    private static bool AttributesSubtype(RecordAttributes sub, RecordAttributes super, bool strict)
    {
        foreach (var (name, superType) in super.All)
        {
            var subType = sub.Get(name);
            if (subType is null)
            {
                return false;
            }

            var qualifierOk = strict ? subType.Required == superType.Required : subType.Required || !superType.Required;
            if (!qualifierOk || !IsSubtype(subType.Type, superType.Type, strict))
            {
                return false;
            }
        }

        return true;
    }

    private static RecordAttributes? AttributesLub(RecordAttributes a0, RecordAttributes a1, bool strict, out LubHelp help)
    {
        help = LubHelp.None;
        if (!strict)
        {
            return PermissiveAttributesLub(a0, a1);
        }

        if (!a0.SameNames(a1))
        {
            help = LubHelp.RecordWidth;
            return null;
        }

        var result = new List<KeyValuePair<string, AttributeType>>();
        foreach (var (name, t0) in a0.All)
        {
            var lub = AttributeLub(t0, a1.Get(name)!, strict, out help);
            if (lub is null)
            {
                return null;
            }

            result.Add(new(name, lub));
        }

        return new RecordAttributes(result);
    }

    private static AttributeType? AttributeLub(AttributeType t0, AttributeType t1, bool strict, out LubHelp help)
    {
        var lub = LeastUpperBound(t0.Type, t1.Type, strict, out help);
        if (lub is null)
        {
            return null;
        }

        if (strict && t0.Required != t1.Required)
        {
            help = LubHelp.AttributeQualifier;
            return null;
        }

        return new AttributeType(lub, t0.Required && t1.Required);
    }

    private static bool EntitySubtype(EntityRefType e0, EntityRefType e1, bool strict) => (e0.IsAny, e1.IsAny) switch
    {
        (false, false) => strict ? e0.Equals(e1) : e0.IsSubsetOf(e1),
        (true, true) => true,
        (false, true) => !strict,
        (true, false) => false,
    };

    private static EntityRefType? EntityLub(EntityRefType e0, EntityRefType e1, bool strict, out LubHelp help)
    {
        help = LubHelp.None;
        if (!e0.IsAny && !e1.IsAny)
        {
            if (strict && !e0.Equals(e1))
            {
                help = LubHelp.EntityType;
                return null;
            }

            return EntityRefType.Union(e0.Types.Concat(e1.Types));
        }

        if (e0.IsAny && e1.IsAny)
        {
            return EntityRefType.AnyEntity;
        }

        if (strict)
        {
            help = LubHelp.EntityType;
            return null;
        }

        return EntityRefType.AnyEntity;
    }
}
