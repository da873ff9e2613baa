namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Action declarations.</summary>
internal sealed partial class SchemaParser
{
    private const string NoTargetHelp =
        "every `appliesTo` must declare both `principal` and `resource`, each with at least one entity type; leave out `appliesTo` for an action that only groups others";

    // action "a", b [in Parent | in [Parents]] [appliesTo { principal: ..., resource: ..., context: ... }] [attributes {}];
    private void ParseAction(RawNamespace ns)
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
            names.Add(new RawName(ParseName("an action name (an identifier or a quoted string)"), new SourcePosition(offset)));
        }
        while (Current.Kind == SchemaTokenKind.Comma);

        var parents = new List<RawActionReference>();
        if (Current.IsWord("in"))
        {
            Advance();
            ParseActionParents(parents);
        }

        IReadOnlyList<RawName> principals = [];
        IReadOnlyList<RawName> resources = [];
        RawType? context = null;
        if (Current.IsWord("appliesTo"))
        {
            Advance();
            (principals, resources, context) = ParseAppliesTo(names[0]);
        }

        // The reference accepts an empty `attributes {}` clause and ignores it.
        if (Current.IsWord("attributes"))
        {
            Advance();
            Expect(SchemaTokenKind.LeftBrace, "`{`");
            Expect(SchemaTokenKind.RightBrace, "`}` (action attributes are not supported)");
        }

        Expect(SchemaTokenKind.Semicolon, "`;`");
        foreach (var name in names)
        {
            ns.Actions.Add(new RawAction(name.Name, name.Position, parents, principals, resources, context));
        }
    }

    private void ParseActionParents(List<RawActionReference> parents)
    {
        if (Current.Kind != SchemaTokenKind.LeftBracket)
        {
            parents.Add(ParseActionReference());
            return;
        }

        Advance();
        while (true)
        {
            parents.Add(ParseActionReference());
            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(SchemaTokenKind.RightBracket, "`,` or `]`");
    }

    // "id", id, Action::"id" or NS::Action::"id".
    private RawActionReference ParseActionReference()
    {
        var position = new SourcePosition(Current.Offset);
        if (Current.Kind == SchemaTokenKind.String)
        {
            return new RawActionReference(null, ExpectString("an action name"), position);
        }

        var path = ParseIdentifier("an action name, or a reference like `Action::\"name\"`");
        var parts = 1;
        while (Current.Kind == SchemaTokenKind.DoubleColon)
        {
            Advance();
            if (Current.Kind == SchemaTokenKind.String)
            {
                return new RawActionReference(path, ExpectString("an action name"), position);
            }

            path += "::" + ParseIdentifier("a name or a quoted action id after `::`");
            parts++;
        }

        return parts == 1
            ? new RawActionReference(null, path, position)
            : throw Unexpected("`::` and a quoted action id, as in `NS::Action::\"view\"`");
    }

    private (IReadOnlyList<RawName>, IReadOnlyList<RawName>, RawType?) ParseAppliesTo(RawName action)
    {
        Expect(SchemaTokenKind.LeftBrace, "`{`");
        List<RawName>? principals = null;
        List<RawName>? resources = null;
        RawType? context = null;
        do
        {
            var clause = Current;
            if (clause.IsWord("principal") || clause.IsWord("resource"))
            {
                Advance();
                Expect(SchemaTokenKind.Colon, "`:`");
                var types = ParseEntityTypeList();
                var isPrincipal = clause.Text == "principal";
                if ((isPrincipal ? principals : resources) is not null)
                {
                    Report(clause.Offset, $"duplicate `{clause.Text}` declaration in action `{action.Name}`", $"give one `{clause.Text}` declaration, listing several types like `{clause.Text}: [X, Y]`");
                }
                else if (types.Count == 0)
                {
                    Report(clause.Offset, $"for action `{action.Name}`, `{clause.Text}` is `[]`, which is invalid", NoTargetHelp);
                }

                if (isPrincipal)
                {
                    principals ??= types;
                }
                else
                {
                    resources ??= types;
                }
            }
            else if (clause.IsWord("context"))
            {
                Advance();
                Expect(SchemaTokenKind.Colon, "`:`");
                RawType type = Current.Kind == SchemaTokenKind.LeftBrace
                    ? ParseRecord(1)
                    : ToContextReference(ParsePath());
                if (context is not null)
                {
                    Report(clause.Offset, $"duplicate context declaration in action `{action.Name}`", "keep one `context` declaration, merging the attributes into one record");
                }

                context ??= type;
            }
            else
            {
                throw Unexpected("`principal`, `resource` or `context`");
            }

            if (Current.Kind != SchemaTokenKind.Comma)
            {
                break;
            }

            Advance();
        }
        while (Current.Kind != SchemaTokenKind.RightBrace);

        Expect(SchemaTokenKind.RightBrace, "`,` or `}`");
        foreach (var (clause, types) in new[] { ("principal", principals), ("resource", resources) })
        {
            if (types is null)
            {
                Report(action.Position.Offset, $"missing `{clause}` declaration for action `{action.Name}`", NoTargetHelp);
            }
        }

        return (principals ?? [], resources ?? [], context);
    }

    // A context given by name must name a common type (that resolves to a record).
    private static RawTypeReference ToContextReference((string Name, SourcePosition Position) path) =>
        new(path.Name, ReferenceKind.Common, path.Position);
}
