namespace Airlock.Cli.Formatting;

/// <summary>Finds the <c>//</c> comments in Cedar policy text, skipping string literals, which may contain <c>//</c>.</summary>
internal static class CommentScanner
{
    /// <summary>Returns every comment in source order.</summary>
    public static IReadOnlyList<Comment> Scan(string text)
    {
        var comments = new List<Comment>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i = SkipString(text, i);
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                comments.Add(new Comment(i, end, text[i..end].TrimEnd()));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return comments;
    }

    // Returns the offset just past the closing quote of the string starting at `start`; escapes hide quotes.
    private static int SkipString(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
