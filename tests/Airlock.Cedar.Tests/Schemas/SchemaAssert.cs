using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

/// <summary>Compares whole schema models.</summary>
internal static class SchemaAssert
{
    /// <summary>True when both schemas declare the same entity types, actions and hierarchies.</summary>
    public static bool SameModel(Schema a, Schema b)
    {
        if (a.EntityTypes.Count != b.EntityTypes.Count || a.Actions.Count != b.Actions.Count)
        {
            return false;
        }

        foreach (var (name, x) in a.EntityTypes)
        {
            if (b.GetEntityType(name) is not { } y
                || !x.MemberOfTypes.Order(StringComparer.Ordinal).SequenceEqual(y.MemberOfTypes.Order(StringComparer.Ordinal))
                || !x.Shape.Equals(y.Shape)
                || !Equals(x.Tags, y.Tags)
                || !(x.EnumIds ?? []).SequenceEqual(y.EnumIds ?? [])
                || x.IsEnum != y.IsEnum
                || !a.EntityTypeAncestors(name).SetEquals(b.EntityTypeAncestors(name)))
            {
                return false;
            }
        }

        foreach (var (uid, x) in a.Actions)
        {
            if (b.GetAction(uid) is not { } y
                || !x.PrincipalTypes.Order(StringComparer.Ordinal).SequenceEqual(y.PrincipalTypes.Order(StringComparer.Ordinal))
                || !x.ResourceTypes.Order(StringComparer.Ordinal).SequenceEqual(y.ResourceTypes.Order(StringComparer.Ordinal))
                || !x.Context.Equals(y.Context)
                || !x.MemberOf.ToHashSet().SetEquals(y.MemberOf)
                || !a.ActionAncestors(uid).SetEquals(b.ActionAncestors(uid)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Asserts both schemas are the same model, showing both as text when not.</summary>
    public static void Equal(Schema expected, Schema actual)
    {
        Assert.Equal(expected.ToCedarSchemaText(), actual.ToCedarSchemaText());
        Assert.True(SameModel(expected, actual));
    }
}
