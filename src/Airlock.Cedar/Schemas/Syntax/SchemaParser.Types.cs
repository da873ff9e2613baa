namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Types, records, names and paths.</summary>
internal sealed partial class SchemaParser
{
    private const string TypeExpected = "a type: a type name such as `Long` or `NS::User`, `Set<...>`, or a record `{ ... }`";

    // `level` counts the sets and records around the type being parsed, so hostile nesting cannot exhaust the stack.
    private RawType ParseType(int level)
    {
        CheckLevel(level);
        var token = Current;
        if (token.IsWord("Set") && Peek().Kind == SchemaTokenKind.LessThan)
        {
            Advance();
            Advance();
            var element = ParseType(level + 1);
            Expect(SchemaTokenKind.GreaterThan, "`>`");
            return new RawSetType(element, new SourcePosition(token.Offset));
        }

        if (token.Kind == SchemaTokenKind.LeftBrace)
        {
            return ParseRecord(level);
        }

        if (token.Kind == SchemaTokenKind.Identifier)
        {
            var (name, position) = ParsePath();
            return new RawTypeReference(name, ReferenceKind.CommonOrEntity, position);
        }

        throw Unexpected(TypeExpected);
    }

    /// <summary>Parses <c>{ attr: T, other?: T, }</c>; a later declaration of the same attribute replaces an earlier one, as in the reference.</summary>
    private RawRecordType ParseRecord(int level)
    {
        CheckLevel(level);
        var open = Expect(SchemaTokenKind.LeftBrace, "`{`");
        var attributes = new List<RawAttribute>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        while (Current.Kind != SchemaTokenKind.RightBrace)
        {
            SkipAnnotations();
            var nameToken = Current;
            var name = ParseName("an attribute name (an identifier or a quoted string) or `}`");
            var required = true;
            if (Current.Kind == SchemaTokenKind.Question)
            {
                Advance();
                required = false;
            }

            Expect(SchemaTokenKind.Colon, "`:`");
            var type = ParseType(level + 1);
            var attribute = new RawAttribute(name, type, required, new SourcePosition(nameToken.Offset));
            if (byName.TryGetValue(name, out var earlier))
            {
                attributes[earlier] = attribute;
            }
            else
            {
                byName.Add(name, attributes.Count);
                attributes.Add(attribute);
            }

            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBrace, "`,` or `}`");
        return new RawRecordType(attributes, new SourcePosition(open.Offset));
    }

    /// <summary>Parses <c>Ident {:: Ident}</c> and returns the joined name and where it starts.</summary>
    private (string Name, SourcePosition Position) ParsePath()
    {
        var start = Current.Offset;
        var name = ParseIdentifier("a name");
        while (Current.Kind == SchemaTokenKind.DoubleColon)
        {
            Advance();
            name += "::" + ParseIdentifier("a name after `::`");
        }

        return (name, new SourcePosition(start));
    }

    /// <summary>Parses one identifier that is not a reserved word.</summary>
    private string ParseIdentifier(string expected)
    {
        if (Current.Kind != SchemaTokenKind.Identifier)
        {
            throw Unexpected(expected);
        }

        var token = Advance();
        if (Identifiers.IsReservedWord(token.Text))
        {
            throw Fatal(token.Offset, $"`{token.Text}` is a reserved identifier", "choose another name; attribute and action names may also be written as quoted strings");
        }

        return token.Text;
    }

    /// <summary>Parses a name that may be an identifier or a quoted string (attribute and action names).</summary>
    private string ParseName(string expected) =>
        Current.Kind == SchemaTokenKind.String ? ExpectString(expected) : ParseIdentifier(expected);

    /// <summary>Parses a path or a bracketed, possibly empty, comma-separated list of paths (no trailing comma).</summary>
    private List<RawName> ParseEntityTypeList()
    {
        var names = new List<RawName>();
        if (Current.Kind != SchemaTokenKind.LeftBracket)
        {
            var (name, position) = ParsePath();
            names.Add(new RawName(name, position));
            return names;
        }

        Advance();
        if (Current.Kind == SchemaTokenKind.RightBracket)
        {
            Advance();
            return names;
        }

        while (true)
        {
            var (name, position) = ParsePath();
            names.Add(new RawName(name, position));
            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBracket, "`,` or `]`");
        return names;
    }

    private void CheckLevel(int level)
    {
        if (level > Schema.MaxTypeDepth)
        {
            throw Fatal(
                Current.Offset,
                $"type is nested more than {Schema.MaxTypeDepth} levels deep",
                "flatten the type; sets and records may nest at most this deep");
        }
    }
}
