namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>Token kinds of the human-readable schema syntax; keywords are identifiers, told apart by their text.</summary>
internal enum SchemaTokenKind
{
    Identifier,
    Number,
    String,
    Comma,
    Semicolon,
    Colon,
    DoubleColon,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LessThan,
    GreaterThan,
    Equals,
    Question,
    At,
    LeftParen,
    RightParen,
    End,

    /// <summary>Text no token matches; <see cref="SchemaToken.Error"/> says why.</summary>
    Invalid,
}
