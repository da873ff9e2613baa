namespace Airlock.Cedar.Schemas.Syntax;

/// <summary>One token of the human-readable schema syntax.</summary>
/// <param name="Kind">What kind of token.</param>
/// <param name="Offset">Character offset of its first character.</param>
/// <param name="Text">The token as written (with quotes for strings).</param>
/// <param name="Error">For <see cref="SchemaTokenKind.Invalid"/>, why the text is not a token.</param>
internal readonly record struct SchemaToken(SchemaTokenKind Kind, int Offset, string Text, string? Error = null)
{
    /// <summary>True for an identifier token spelled <paramref name="word"/>.</summary>
    public bool IsWord(string word) => Kind == SchemaTokenKind.Identifier && Text == word;

    /// <summary>How error messages show the token.</summary>
    public string Describe() => Kind == SchemaTokenKind.End ? "end of input" : $"token `{Text}`";
}
