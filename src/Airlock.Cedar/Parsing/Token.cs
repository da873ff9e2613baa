namespace Airlock.Cedar.Parsing;

/// <summary>One token: its kind and the [Start, End) range of its text in the source.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public int Length => End - Start;
}
