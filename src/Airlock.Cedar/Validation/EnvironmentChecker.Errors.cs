using System.Text;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Validation;

/// <summary>Error reporting, worded like the reference's messages.</summary>
internal sealed partial class EnvironmentChecker
{
    private void ReportIssue(ValidationErrorKind kind, SourceSpan span, string message, string? help = null) =>
        errors.Add(new ValidationIssue(kind, policyId, span, $"for policy `{policyId}`, {message}", help));

    private void ReportUnexpectedType(SourceSpan span, IReadOnlyList<CedarType> expected, CedarType actual, string? help)
    {
        var expectedText = expected.Count == 1 ? expected[0].ToString() : string.Join(", or ", expected);
        ReportIssue(ValidationErrorKind.UnexpectedType, span, $"unexpected type: expected {expectedText} but saw {actual}", help);
    }

    private void ReportIncompatibleTypes(SourceSpan span, IReadOnlyList<CedarType> types, LubHelp help, LubContext context)
    {
        var names = types.Distinct().Order(TypeOrder.Instance).Select(t => t.ToString()).ToList();
        var joined = names.Count <= 2 ? string.Join(" and ", names) : string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1];
        errors.Add(new ValidationIssue(
            ValidationErrorKind.IncompatibleTypes,
            policyId,
            span,
            $"the types {joined} are not compatible",
            $"for policy `{policyId}`, {TypeHelp.Describe(context)} must have compatible types. {TypeHelp.Describe(help)}"));
    }

    private void ReportUnsafeAttributeAccess(GetAttrExpr e, CedarType targetType, string? suggestion, bool mayExist)
    {
        var help = (suggestion, mayExist) switch
        {
            (not null, false) => $"did you mean `{suggestion}`?",
            (null, true) => "there may be additional attributes that the validator is not able to reason about",
            (not null, true) => $"did you mean `{suggestion}`? (there may also be additional attributes that the validator is not able to reason about)",
            _ => null,
        };
        ReportIssue(ValidationErrorKind.UnsafeAttributeAccess, e.Span, $"attribute {DescribeAccess(e, targetType, out _)} not found", help);
    }

    private void ReportUnsafeOptionalAttributeAccess(GetAttrExpr e, CedarType targetType)
    {
        var access = DescribeAccess(e, targetType, out var guard);
        ReportIssue(ValidationErrorKind.UnsafeOptionalAttributeAccess, e.Span,
            $"unable to guarantee safety of access to optional attribute {access}",
            $"try testing for the attribute's presence with `{guard} && ..`");
    }

    private void ReportUnsafeTagAccess(BinaryExpr e, EntityRefType entity)
    {
        var on = entity.Single is { } single ? $" on entity type `{single}`" : string.Empty;
        var tag = ExprPrinter.Print(e.Right);
        ReportIssue(ValidationErrorKind.UnsafeTagAccess, e.Span,
            $"unable to guarantee safety of access to tag `{tag}`{on}",
            $"try testing for the tag's presence with `.hasTag({tag}) && ..`");
    }

    /// <summary>
    /// Describes the attribute path of <paramref name="e"/> down to the entity or <c>context</c> it starts from,
    /// like <c>`foo.bar` on entity type `User`</c>, and the <c>has</c> test that would make it safe.
    /// </summary>
    private string DescribeAccess(GetAttrExpr e, CedarType targetType, out string guard)
    {
        var attributes = new List<string> { e.Attribute };
        string? suffix = null;
        var isContext = false;
        var node = e.Target;
        var nodeType = (CedarType?)targetType;
        while (true)
        {
            if (nodeType is EntityRefType { IsAny: false } lub)
            {
                suffix = lub.Single is { } single
                    ? $" on entity type `{single}`"
                    : " on entity types " + string.Join(", ", lub.Types.Select(t => $"`{t}`"));
                break;
            }

            if (node is VarExpr { Var: Var.Context })
            {
                suffix = $" in context for {env.Action}";
                isContext = true;
                break;
            }

            if (node is not GetAttrExpr inner)
            {
                break;
            }

            attributes.Add(inner.Attribute);
            node = inner.Target;
            nodeType = targetTypes.GetValueOrDefault(node);
        }

        var path = new StringBuilder("`");
        AppendPath(path, attributes, leadingDot: false);
        path.Append('`').Append(suffix);

        var guardText = new StringBuilder(isContext ? "context" : "e");
        AppendPath(guardText, attributes.Skip(1).ToList(), leadingDot: true);
        guardText.Append(" has ").Append(IsIdentifier(e.Attribute) ? e.Attribute : CedarString.Quote(e.Attribute));
        guard = guardText.ToString();
        return path.ToString();
    }

    private static void AppendPath(StringBuilder sb, List<string> attributesInnermostLast, bool leadingDot)
    {
        for (var i = attributesInnermostLast.Count - 1; i >= 0; i--)
        {
            var a = attributesInnermostLast[i];
            if (IsIdentifier(a))
            {
                if (i != attributesInnermostLast.Count - 1 || leadingDot)
                {
                    sb.Append('.');
                }

                sb.Append(a);
            }
            else
            {
                sb.Append('[').Append(CedarString.Quote(a)).Append(']');
            }
        }
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
