using System.Text;
using Airlock.Core.Policies;

namespace Airlock.Core.Tests.Policies;

public sealed class JsonBodyFieldsTests
{
    [Fact]
    public void Every_scalar_leaf_is_keyed_by_its_json_pointer_with_its_value_as_text()
    {
        var fields = Read("""{"title":"Fix it","labels":["bug",{"a/b~c":7}],"draft":false,"milestone":null,"weight":1.50e1}""");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["/title"] = "Fix it",
                ["/labels/0"] = "bug",
                ["/labels/1/a~1b~0c"] = "7",
                ["/draft"] = "false",
                ["/milestone"] = "null",
                ["/weight"] = "1.50e1",
            },
            fields);
    }

    [Fact]
    public void A_scalar_document_is_the_empty_pointer_and_empty_containers_give_no_fields()
    {
        Assert.Equal(new Dictionary<string, string> { [""] = "hello" }, Read("\"hello\""));
        Assert.Empty(Read("""{"a":{},"b":[]}""")!);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("""{"a":1,}""")]
    [InlineData("""{"a":1 /* note */}""")]
    [InlineData("")]
    public void A_body_that_is_not_one_unambiguous_json_value_gives_no_fields(string json) => Assert.Null(Read(json));

    [Fact]
    public void Too_deep_or_too_many_fields_give_none_rather_than_a_part()
    {
        var deep = new string('[', JsonBodyFields.MaxDepth + 1) + new string(']', JsonBodyFields.MaxDepth + 1);
        var many = "[" + string.Join(",", Enumerable.Range(0, JsonBodyFields.MaxFields + 1)) + "]";
        var enough = "[" + string.Join(",", Enumerable.Range(0, JsonBodyFields.MaxFields)) + "]";

        Assert.Null(Read(deep));
        Assert.Null(Read(many));
        Assert.Equal(JsonBodyFields.MaxFields, Read(enough)!.Count);
    }

    private static IReadOnlyDictionary<string, string>? Read(string json) => JsonBodyFields.TryRead(Encoding.UTF8.GetBytes(json));
}
