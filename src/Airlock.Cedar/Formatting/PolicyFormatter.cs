using System.Text;
using Airlock.Cedar.Ast;
using Airlock.Cedar.Values;

namespace Airlock.Cedar.Formatting;

/// <summary>Prints policies in a canonical layout: one scope element per line, minimal parentheses.</summary>
public static partial class PolicyFormatter
{
    /// <summary>Formats every policy of <paramref name="policies"/>, separated by blank lines.</summary>
    public static string Format(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return string.Join("\n", policies.All.Select(Format));
    }

    /// <summary>Formats one policy, ending with a newline.</summary>
    public static string Format(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sb = new StringBuilder();
        foreach (var a in policy.Annotations)
        {
            sb.Append('@').Append(a.Key);
            if (a.Value is not null)
            {
                sb.Append('(').Append(CedarString.Quote(a.Value)).Append(')');
            }

            sb.Append('\n');
        }

        sb.Append(policy.Effect == Effect.Permit ? "permit" : "forbid").Append(" (\n");
        sb.Append("  ").Append(FormatEntityScope("principal", policy.Principal)).Append(",\n");
        sb.Append("  ").Append(FormatActionScope(policy.Action)).Append(",\n");
        sb.Append("  ").Append(FormatEntityScope("resource", policy.Resource)).Append('\n');
        sb.Append(')');
        foreach (var c in policy.Conditions)
        {
            sb.Append('\n').Append(c.IsWhen ? "when" : "unless").Append(" { ").Append(FormatExpr(c.Body)).Append(" }");
        }

        return sb.Append(";\n").ToString();
    }

    private static string FormatEntityScope(string variable, EntityScope scope)
    {
        var target = scope.Slot is { } slot ? (slot == SlotId.Principal ? "?principal" : "?resource") : scope.Entity?.ToString();
        return scope.Kind switch
        {
            ScopeKind.Any => variable,
            ScopeKind.Eq => $"{variable} == {target}",
            ScopeKind.In => $"{variable} in {target}",
            ScopeKind.Is => $"{variable} is {scope.EntityType}",
            _ => $"{variable} is {scope.EntityType} in {target}",
        };
    }

    private static string FormatActionScope(ActionScope scope) => scope.Kind switch
    {
        ScopeKind.Any => "action",
        ScopeKind.Eq => $"action == {scope.Entities[0]}",
        _ when scope.IsList => $"action in [{string.Join(", ", scope.Entities)}]",
        _ => $"action in {scope.Entities[0]}",
    };
}
