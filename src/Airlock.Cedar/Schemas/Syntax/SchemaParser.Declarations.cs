namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Entity type and common type declarations.</summary>
internal sealed partial class SchemaParser
{
    // entity A, B [in Parents] [[=] { attrs }] [tags Type];   or   entity A, B enum ["x", "y"];
    private void ParseEntity(RawNamespace ns)
    {
        Advance();
        var names = new List<RawName>();
        do
        {
            if (names.Count > 0)
            {
                Advance();
            }

            var offset = Current.Offset;
            names.Add(new RawName(ParseIdentifier("an entity type name"), new SourcePosition(offset)));
        }
        while (Current.Kind == SchemaTokenKind.Comma);

        if (Current.IsWord("enum"))
        {
            Advance();
            var ids = ParseEnumIds();
            Expect(SchemaTokenKind.Semicolon, "`;`");
            foreach (var name in names)
            {
                ns.EntityTypes.Add(new RawEntityType(name.Name, name.Position, [], null, null, ids));
            }

            return;
        }

        IReadOnlyList<RawName> parents = [];
        if (Current.IsWord("in"))
        {
            Advance();
            parents = ParseEntityTypeList();
        }

        RawType? shape = null;
        if (Current.Kind == SchemaTokenKind.Equals)
        {
            Advance();
            if (Current.Kind != SchemaTokenKind.LeftBrace)
            {
                throw Unexpected("`{` to start the attribute record");
            }
        }

        if (Current.Kind == SchemaTokenKind.LeftBrace)
        {
            shape = ParseRecord(1);
        }

        RawType? tags = null;
        if (Current.IsWord("tags"))
        {
            Advance();
            tags = ParseType(1);
        }

        Expect(SchemaTokenKind.Semicolon, shape is null && tags is null ? "`in`, `{`, `=`, `tags` or `;`" : "`;`");
        foreach (var name in names)
        {
            ns.EntityTypes.Add(new RawEntityType(name.Name, name.Position, parents, shape, tags, null));
        }
    }

    private List<string> ParseEnumIds()
    {
        Expect(SchemaTokenKind.LeftBracket, "`[`");
        var ids = new List<string>();
        while (true)
        {
            var id = ExpectString("an entity id as a quoted string");
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }

            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBracket, "`,` or `]`");
        return ids;
    }

    // type Name = Type;
    private void ParseCommonType(RawNamespace ns)
    {
        Advance();
        var offset = Current.Offset;
        var name = ParseIdentifier("a common type name");
        Expect(SchemaTokenKind.Equals, "`=`");
        var type = ParseType(1);
        Expect(SchemaTokenKind.Semicolon, "`;`");
        ns.CommonTypes.Add(new RawCommonType(name, type, new SourcePosition(offset)));
    }
}
