using Airlock.Cedar.Schemas;

namespace Airlock.Cedar.Tests.Schemas;

public class SchemaTypeTests
{
    private static RecordSchemaType Record(params (string Name, SchemaType Type, bool Required)[] attributes) =>
        new(attributes.ToDictionary(a => a.Name, a => new AttributeSchema(a.Type, a.Required)));

    [Fact]
    public void ToString_WritesTheHumanReadableSyntax()
    {
        var type = new SetSchemaType(Record(("b c", PrimitiveSchemaType.Long, true), ("a", new EntitySchemaType("NS::User"), false), ("d", ExtensionSchemaType.Decimal, true)));

        Assert.Equal("Set<{ a?: NS::User, \"b c\": Long, d: decimal }>", type.ToString());
        Assert.Equal("{}", RecordSchemaType.Empty.ToString());
        Assert.Equal("Bool", PrimitiveSchemaType.Bool.ToString());
    }

    [Fact]
    public void Equals_ComparesStructure()
    {
        var a = Record(("x", new SetSchemaType(PrimitiveSchemaType.String), true), ("y", new EntitySchemaType("E"), false));
        var b = Record(("y", new EntitySchemaType("E"), false), ("x", new SetSchemaType(PrimitiveSchemaType.String), true));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Record(("x", new SetSchemaType(PrimitiveSchemaType.String), true), ("y", new EntitySchemaType("E"), true)));
        Assert.NotEqual<SchemaType>(new EntitySchemaType("Long"), PrimitiveSchemaType.Long);
        Assert.NotEqual<SchemaType>(ExtensionSchemaType.IpAddr, ExtensionSchemaType.Decimal);
    }

    [Fact]
    public void Depth_CountsNestedSetsAndRecords()
    {
        Assert.Equal(1, PrimitiveSchemaType.Long.Depth);
        Assert.Equal(1, RecordSchemaType.Empty.Depth);
        Assert.Equal(3, new SetSchemaType(Record(("a", PrimitiveSchemaType.Long, true))).Depth);
    }

    [Fact]
    public void SharedInstances_CoverEveryPrimitiveAndExtension()
    {
        Assert.Same(PrimitiveSchemaType.Long, PrimitiveSchemaType.Of(PrimitiveKind.Long));
        Assert.Equal(["ipaddr", "decimal", "datetime", "duration"], ExtensionSchemaType.All.Select(e => e.Name));
        Assert.Same(ExtensionSchemaType.Duration, ExtensionSchemaType.Find("duration"));
        Assert.Null(ExtensionSchemaType.Find("money"));
    }
}
