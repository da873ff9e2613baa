using System.Globalization;
using Airlock.Cedar.Ast;

namespace Airlock.Cedar.Parsing;

/// <summary>
/// A recursive-descent parser for Cedar policy text. It accepts exactly what the reference parser accepts:
/// the grammar is followed token for token, and the reference's conversion rules (reserved words, where
/// names, strings and slots may appear) are applied as each construct is built.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> ReservedWords =
        ["true", "false", "if", "then", "else", "in", "is", "has", "like"];

    private readonly SourceText source;
    private readonly string text;
    private readonly List<Token> tokens;
    private readonly ParserOptions options;
    private readonly List<CedarDiagnostic> errors = [];
    private int position;
    private int depth;

    private Parser(string text, string? sourceName, ParserOptions options)
    {
        this.text = text;
        this.options = options;
        source = new SourceText(text, sourceName);
        tokens = Lexer.Tokenize(text);
    }

    /// <summary>Parses a sequence of policies; ids are <c>policy0</c>, <c>policy1</c>, … in file order.</summary>
    public static (List<Policy> Policies, List<CedarDiagnostic> Errors) ParsePolicies(
        string text, string? sourceName = null, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        if (text.Length > options.MaxTextLength)
        {
            return ([], [new CedarDiagnostic(
                $"policy text is {text.Length} characters long, more than the limit of {options.MaxTextLength}",
                sourceName, 1, 1, "split the policies into several files")]);
        }

        var parser = new Parser(text, sourceName, options);
        var policies = new List<Policy>();
        for (var index = 0; parser.Current.Kind != TokenKind.End; index++)
        {
            var start = parser.position;
            try
            {
                policies.Add(parser.ParsePolicy("policy" + index.ToString(CultureInfo.InvariantCulture)));
            }
            catch (ParseFailure)
            {
                parser.SkipPastSemicolon(start);
            }
        }

        return parser.errors.Count > 0 ? ([], parser.errors) : (policies, parser.errors);
    }

    /// <summary>Parses a single expression (used by tests and tools).</summary>
    public static (Expr? Expr, List<CedarDiagnostic> Errors) ParseExpression(string text, string? sourceName = null)
    {
        var parser = new Parser(text, sourceName, ParserOptions.Default);
        try
        {
            var e = parser.ParseExpr().ToExpr(parser);
            parser.Expect(TokenKind.End, "end of expression");
            return (e, parser.errors);
        }
        catch (ParseFailure)
        {
            return (null, parser.errors);
        }
    }

    private Token Current => tokens[position];

    private Token Peek(int ahead = 1) => tokens[Math.Min(position + ahead, tokens.Count - 1)];

    private string TextOf(Token t) => text.Substring(t.Start, t.Length);

    private bool IsIdent(Token t, string word) =>
        t.Kind == TokenKind.Identifier && t.Length == word.Length && string.CompareOrdinal(text, t.Start, word, 0, word.Length) == 0;

    private Token Advance()
    {
        var t = tokens[position];
        if (t.Kind != TokenKind.End)
        {
            position++;
        }

        return t;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        position++;
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Fail(Current.Start, $"unexpected {Describe(Current)}, expected {what}");
        }

        return Advance();
    }

    private string Describe(Token t) => t.Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Invalid => $"invalid token `{TextOf(t)}`",
        _ => $"token `{TextOf(t)}`",
    };

    private ParseFailure Fail(int offset, string message, string? help = null)
    {
        errors.Add(source.Diagnostic(offset, message, help));
        return new ParseFailure(message);
    }

    private void SkipPastSemicolon(int start)
    {
        // Always make progress, then resynchronize at the end of the broken policy.
        if (position == start)
        {
            Advance();
        }

        while (Current.Kind is not (TokenKind.Semicolon or TokenKind.End))
        {
            Advance();
        }

        Accept(TokenKind.Semicolon);
    }

    private void EnterNesting(int offset)
    {
        if (++depth > options.MaxNestingDepth)
        {
            throw Fail(offset, $"expression is nested more than {options.MaxNestingDepth} levels deep", "simplify the policy");
        }
    }

    private void LeaveNesting() => depth--;
}
