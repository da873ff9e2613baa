using Airlock.Cedar.Parsing;

namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>
/// Parses the human-readable schema syntax (<c>.cedarschema</c>) into namespaces of declarations as written.
/// A syntax error stops parsing, like the reference parser; problems in well-formed declarations
/// (such as a missing <c>principal</c>) are collected and reported together.
/// </summary>
internal sealed partial class SchemaParser
{
    private readonly SchemaSource source;
    private readonly List<SchemaToken> tokens;
    private readonly List<CedarDiagnostic> diagnostics = [];
    private readonly List<RawNamespace> namespaces = [];
    private int index;

    private SchemaParser(SchemaSource source)
    {
        this.source = source;
        tokens = SchemaLexer.Tokenize(source.Text.Text);
    }

    private SchemaToken Current => tokens[index];

    /// <summary>Parses <paramref name="source"/>; throws <see cref="CedarException"/> with every problem found.</summary>
    public static List<RawNamespace> Parse(SchemaSource source)
    {
        var parser = new SchemaParser(source);
        parser.ParseSchema();
        if (parser.diagnostics.Count > 0)
        {
            throw new CedarException(parser.diagnostics);
        }

        return parser.namespaces;
    }

    private void ParseSchema()
    {
        // Every declaration outside a namespace block belongs to the one empty namespace.
        RawNamespace? empty = null;
        while (Current.Kind != SchemaTokenKind.End)
        {
            SkipAnnotations();
            if (Current.IsWord("namespace"))
            {
                ParseNamespace();
            }
            else
            {
                if (empty is null)
                {
                    empty = new RawNamespace(string.Empty, new SourcePosition(Current.Offset));
                    namespaces.Add(empty);
                }

                ParseDeclaration(empty, "`namespace`, `entity`, `action` or `type`");
            }
        }
    }

    private void ParseNamespace()
    {
        Advance();
        var (name, position) = ParsePath();
        var ns = new RawNamespace(name, position);
        namespaces.Add(ns);
        Expect(SchemaTokenKind.LeftBrace, "`{`");
        while (Current.Kind != SchemaTokenKind.RightBrace)
        {
            SkipAnnotations();
            ParseDeclaration(ns, "`entity`, `action`, `type` or `}`");
        }

        Advance();
    }

    private void ParseDeclaration(RawNamespace ns, string expected)
    {
        if (Current.IsWord("entity"))
        {
            ParseEntity(ns);
        }
        else if (Current.IsWord("action"))
        {
            ParseAction(ns);
        }
        else if (Current.IsWord("type"))
        {
            ParseCommonType(ns);
        }
        else
        {
            throw Unexpected(expected);
        }
    }

    // Annotations (`@key` or `@key("value")`) are accepted and dropped; a key may appear once per declaration.
    private void SkipAnnotations()
    {
        HashSet<string>? seen = null;
        while (Current.Kind == SchemaTokenKind.At)
        {
            Advance();
            if (Current.Kind != SchemaTokenKind.Identifier)
            {
                throw Unexpected("an annotation name after `@`");
            }

            var key = Current;
            Advance();
            if (Current.Kind == SchemaTokenKind.LeftParen)
            {
                Advance();
                ExpectString("the annotation value as a quoted string");
                Expect(SchemaTokenKind.RightParen, "`)`");
            }

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(key.Text))
            {
                throw Fatal(key.Offset, $"duplicate annotation `@{key.Text}`", "give each annotation key at most once per declaration");
            }
        }
    }

    private SchemaToken Advance() => tokens[index < tokens.Count - 1 ? index++ : index];

    private SchemaToken Peek(int ahead = 1) => tokens[Math.Min(index + ahead, tokens.Count - 1)];

    private SchemaToken Expect(SchemaTokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(expected);
        }

        return Advance();
    }

    private void ExpectWord(string word)
    {
        if (!Current.IsWord(word))
        {
            throw Unexpected($"`{word}`");
        }

        Advance();
    }

    private string ExpectString(string expected)
    {
        if (Current.Kind != SchemaTokenKind.String)
        {
            throw Unexpected(expected);
        }

        var token = Advance();
        var error = StringEscapes.TryUnescape(token.Text.AsSpan(1, token.Text.Length - 2), out var value, out var at);
        return error is null ? value : throw Fatal(
            token.Offset + 1 + at,
            error,
            "the escapes are `\\n`, `\\r`, `\\t`, `\\0`, `\\\\`, `\\'`, `\\\"`, `\\x00` to `\\x7F` and `\\u{...}`");
    }

    private CedarException Unexpected(string expected)
    {
        var token = Current;
        if (token.Kind == SchemaTokenKind.Invalid)
        {
            var help = token.Text == "\"" ? "close the string with `\"`; a `\\` cannot be followed by a line break" : "remove it";
            return Fatal(token.Offset, token.Error!, help);
        }

        return Fatal(token.Offset, $"unexpected {token.Describe()}", $"expected {expected}");
    }

    private CedarException Fatal(int offset, string message, string help)
    {
        diagnostics.Add(source.Text.Diagnostic(offset, message, help));
        return new CedarException(diagnostics);
    }

    private void Report(int offset, string message, string help) =>
        diagnostics.Add(source.Text.Diagnostic(offset, message, help));
}
