using Airlock.Cedar.Schemas;
using Airlock.Cli.Input;

namespace Airlock.Cli.Validation;

/// <summary>Checks loaded policies: syntax always, types against the schema when one is given.</summary>
internal static class PolicyValidation
{
    /// <summary>Collects every problem of every file, so that one run reports them all.</summary>
    public static ValidationReport Run(PolicyCollection policies, Schema? schema)
    {
        var errors = policies.SyntaxErrors.Select(d => new Problem(d, null)).ToList();
        var warnings = new List<Problem>();
        if (schema is not null)
        {
            foreach (var file in policies.Files)
            {
                if (file.Policies is null)
                {
                    continue;
                }

                var (fileErrors, fileWarnings) = SchemaValidation.Validate(schema, file.Policies);
                errors.AddRange(fileErrors.Select(d => new Problem(d, policies.IdAt(d.SourceName, d.Line, d.Column))));
                warnings.AddRange(fileWarnings.Select(d => new Problem(d, policies.IdAt(d.SourceName, d.Line, d.Column))));
            }
        }

        return new ValidationReport(policies.Files.Count, policies.Origins.Count, errors, warnings, schema is not null);
    }
}
