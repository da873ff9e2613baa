using Airlock.Cedar.Schemas;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Tests.Json;

public class EntityJsonTests
{
    private const string SchemaText = """
        entity Group;
        entity User in [Group] { level: Long, ip?: ipaddr };
        entity Doc;
        action read appliesTo { principal: User, resource: Doc, context: { when: datetime } };
        """;

    [Fact]
    public void FromJson_WithSchema_ReadsImplicitExtensionsAndAddsActions()
    {
        var schema = Schema.Parse(SchemaText);
        var entities = Entities.FromJson("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"level": 3, "ip": "10.0.0.1"}, "parents": []}]""", schema);
        Assert.True(entities.TryGet(new EntityUid("User", "a"), out var user));
        Assert.True(user.Attributes.TryGet("ip", out var ip));
        Assert.Equal("ipaddr", Assert.IsAssignableFrom<ExtensionValue>(ip).TypeName);
        Assert.True(entities.TryGet(new EntityUid("Action", "read"), out _));
    }

    [Theory]
    [InlineData("""[{"uid": {"type": "Nope", "id": "a"}, "attrs": {}, "parents": []}]""", "not declared")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {}, "parents": []}]""", "level")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"level": "x"}, "parents": []}]""", "level")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"level": 1, "extra": 1}, "parents": []}]""", "extra")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"level": 1}, "parents": [{"type": "Doc", "id": "d"}]}]""", "parent")]
    public void FromJson_DataThatBreaksTheSchema_IsRejected(string json, string expected)
    {
        var e = Assert.Throws<CedarException>(() => Entities.FromJson(json, Schema.Parse(SchemaText)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"n": 1.5}, "parents": []}]""")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"n": null}, "parents": []}]""")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}, "attrs": {"n": 1, "n": 2}, "parents": []}]""")]
    [InlineData("""[{"uid": {"type": "User", "id": "a"}}, {"uid": {"type": "User", "id": "a"}}]""")]
    [InlineData("""{"not": "an array"}""")]
    public void FromJson_MalformedData_IsRejected(string json) =>
        Assert.Throws<CedarException>(() => Entities.FromJson(json));

    [Fact]
    public void ParseContext_WithSchema_ReadsTheActionContextType()
    {
        var context = Request.ParseContext("""{"when": "2026-11-22T00:00:00Z"}""", Schema.Parse(SchemaText), new EntityUid("Action", "read"));
        Assert.True(context.TryGet("when", out var when));
        Assert.Equal("datetime", Assert.IsAssignableFrom<ExtensionValue>(when).TypeName);
    }

    [Fact]
    public void ParseContext_UndeclaredAction_IsRejected() =>
        Assert.Throws<CedarException>(() => Request.ParseContext("{}", Schema.Parse(SchemaText), new EntityUid("Action", "nope")));
}
