namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>A generated data value (an attribute, tag or context value), written to JSON by <see cref="ValueJson"/>.</summary>
/// <param name="Kind">What kind of value.</param>
/// <param name="Bool">The boolean.</param>
/// <param name="Long">The integer; always within ±(2^53 - 1), since the oracle is JavaScript.</param>
/// <param name="Text">The string, the entity id, or the extension constructor's argument.</param>
/// <param name="Name">The entity type or the extension constructor (<c>decimal</c>, <c>ip</c>, ...).</param>
/// <param name="Items">Set elements.</param>
/// <param name="Fields">Record fields, in order (a name may repeat, to test duplicate keys).</param>
public sealed record GenValue(
    GenValueKind Kind,
    bool Bool = false,
    long Long = 0,
    string? Text = null,
    string? Name = null,
    IReadOnlyList<GenValue>? Items = null,
    IReadOnlyList<KeyValuePair<string, GenValue>>? Fields = null)
{
    public static GenValue Of(bool b) => new(GenValueKind.Bool, Bool: b);

    public static GenValue Of(long n) => new(GenValueKind.Long, Long: n);

    public static GenValue Of(string s) => new(GenValueKind.String, Text: s);

    public static GenValue EntityRef(string type, string id) => new(GenValueKind.Entity, Text: id, Name: type);

    public static GenValue Extension(string constructor, string argument) => new(GenValueKind.Extension, Text: argument, Name: constructor);

    public static GenValue SetOf(IReadOnlyList<GenValue> items) => new(GenValueKind.Set, Items: items);

    public static GenValue RecordOf(IReadOnlyList<KeyValuePair<string, GenValue>> fields) => new(GenValueKind.Record, Fields: fields);
}
