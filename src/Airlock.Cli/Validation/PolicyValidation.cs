using Airlock.Cedar;
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
            var (typeErrors, typeWarnings) = SchemaValidation.Validate(new Validator(schema), policies);
            errors.AddRange(typeErrors);
            warnings.AddRange(typeWarnings);
        }

        return new ValidationReport(policies.Files.Count, policies.Origins.Count, errors, warnings);
    }
}
