using System.Text;
using Airlock.Cedar;
using Airlock.Cedar.Formatting;

namespace Airlock.Cli.Formatting;

/// <summary>
/// Formats a whole policy file with the engine's canonical layout while keeping the comments between policies:
/// a comment above a policy stays above it, one after a policy's <c>;</c> on the same line stays there.
/// </summary>
internal static class PolicyFileFormatter
{
    /// <summary>Formats <paramref name="text"/>, already parsed into <paramref name="policies"/>; reports comments inside policies, which are dropped.</summary>
    public static FormattedFile Format(string text, PolicySet policies, SourceText source)
    {
        var comments = CommentScanner.Scan(text);
        var lost = new List<CedarDiagnostic>();
        var sb = new StringBuilder();
        var previousEnd = -1;
        var next = 0;
        foreach (var policy in policies.All)
        {
            var gap = TakeWhile(comments, ref next, c => c.Start < policy.Span.Start);
            AppendGap(sb, text, gap, previousEnd, policy.Span.Start);
            sb.Append(PolicyFormatter.Format(policy));
            foreach (var inside in TakeWhile(comments, ref next, c => c.Start < policy.Span.End))
            {
                lost.Add(source.Diagnostic(
                    inside.Start,
                    "this comment is inside a policy, where formatting cannot keep it",
                    "move it above the policy; comments between policies are kept"));
            }

            previousEnd = policy.Span.End;
        }

        AppendGap(sb, text, TakeWhile(comments, ref next, _ => true), previousEnd, text.Length);
        return new FormattedFile(sb.ToString(), lost);
    }

    // Writes the comments between the previous policy (ending at `previousEnd`, or -1 at the start of the file) and
    // the next one (starting at `nextStart`), then the blank line that separates policies.
    private static void AppendGap(StringBuilder sb, string text, List<Comment> gap, int previousEnd, int nextStart)
    {
        var index = 0;
        if (previousEnd >= 0 && gap.Count > 0 && !HasLineBreak(text, previousEnd, gap[0].Start))
        {
            // A comment on the same line as the previous policy's `;` explains that policy: keep it on its last line.
            sb.Length--;
            sb.Append(' ').Append(gap[0].Text).Append('\n');
            index = 1;
        }

        var atEnd = nextStart == text.Length;
        if (previousEnd >= 0 && (!atEnd || index < gap.Count))
        {
            sb.Append('\n');
        }

        for (var i = index; i < gap.Count; i++)
        {
            sb.Append(gap[i].Text).Append('\n');
            var followingStart = i + 1 < gap.Count ? gap[i + 1].Start : nextStart;
            var blankAfter = BlankLineBetween(text, gap[i].End, followingStart);
            if (blankAfter && (i + 1 < gap.Count || !atEnd))
            {
                sb.Append('\n');
            }
        }
    }

    private static List<Comment> TakeWhile(IReadOnlyList<Comment> comments, ref int next, Func<Comment, bool> predicate)
    {
        var taken = new List<Comment>();
        while (next < comments.Count && predicate(comments[next]))
        {
            taken.Add(comments[next++]);
        }

        return taken;
    }

    private static bool HasLineBreak(string text, int start, int end) =>
        text.AsSpan(start, end - start).Contains('\n');

    // The comment's own line break is the first; a second one means an empty line in between.
    private static bool BlankLineBetween(string text, int start, int end) =>
        text.AsSpan(start, end - start).Count('\n') >= 2;
}
