using System.Buffers;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>
/// Warns about bidirectional-text control characters in a policy's strings, patterns and identifiers,
/// which can make policy text read differently from what it means (the reference's "confusable string" checks).
/// </summary>
internal static class TextChecks
{
    private static readonly SearchValues<char> BidiChars = SearchValues.Create("\u202A\u202B\u202D\u202E\u2066\u2067\u2068\u202C\u2069");

    /// <summary>Checks <paramref name="policy"/>, whose whole condition consists of <paramref name="conditionNodes"/>.</summary>
    public static void Check(Policy policy, List<Expr> conditionNodes, List<ValidationIssue> warnings)
    {
        foreach (var e in conditionNodes)
        {
            switch (e)
            {
                case LiteralExpr { Value: StringValue s }:
                    CheckString(policy.Id, e.Span, s.Value, warnings);
                    break;
                case LiteralExpr { Value: EntityValue v }:
                    foreach (var part in v.Uid.Type.Split("::").Append(v.Uid.Id))
                    {
                        CheckIdentifier(policy.Id, e.Span, part, warnings);
                    }

                    break;
                case GetAttrExpr g:
                    CheckIdentifier(policy.Id, e.Span, g.Attribute, warnings);
                    break;
                case HasAttrExpr h:
                    CheckIdentifier(policy.Id, e.Span, h.Attribute, warnings);
                    break;
                case RecordExpr r:
                    foreach (var (name, _) in r.Attributes)
                    {
                        CheckIdentifier(policy.Id, e.Span, name, warnings);
                    }

                    break;
                case LikeExpr l:
                    CheckString(policy.Id, e.Span, l.Pattern.ToString()[1..^1], warnings);
                    break;
            }
        }
    }

    private static void CheckString(string policyId, SourceSpan span, string text, List<ValidationIssue> warnings)
    {
        if (text.AsSpan().IndexOfAny(BidiChars) >= 0)
        {
            warnings.Add(new ValidationIssue(ValidationErrorKind.BidiCharsInString, policyId, span,
                $"for policy `{policyId}`, string `\"{text}\"` contains BIDI control characters"));
        }
    }

    private static void CheckIdentifier(string policyId, SourceSpan span, string text, List<ValidationIssue> warnings)
    {
        if (text.AsSpan().IndexOfAny(BidiChars) >= 0)
        {
            warnings.Add(new ValidationIssue(ValidationErrorKind.BidiCharsInIdentifier, policyId, span,
                $"for policy `{policyId}`, identifier `{text}` contains BIDI control characters"));
        }
    }
}
