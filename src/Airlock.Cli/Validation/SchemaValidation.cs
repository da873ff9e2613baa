using Airlock.Cedar;
using Airlock.Cli.Input;

namespace Airlock.Cli.Validation;

/// <summary>Type-checks policies against a schema with the engine's validator, file by file so that every problem keeps its file, line and column.</summary>
internal static class SchemaValidation
{
    /// <summary>Returns the errors and warnings of every parsed file, in file order, naming policies by their ids across files.</summary>
    public static (List<Problem> Errors, List<Problem> Warnings) Validate(Validator validator, PolicyCollection policies)
    {
        var errors = new List<Problem>();
        var warnings = new List<Problem>();
        foreach (var file in policies.Files.Where(f => f.Policies is not null))
        {
            // Validate the renumbered policies, so that ids in messages match the ids shown everywhere else.
            var renumbered = PolicySet.FromPolicies(policies.Origins.Where(o => o.File == file.Path).Select(o => o.Policy));
            var result = validator.Validate(renumbered, file.Source);
            errors.AddRange(result.Errors.Select(d => new Problem(d, policies.IdAt(d.SourceName, d.Line, d.Column))));
            warnings.AddRange(result.Warnings.Select(d => new Problem(d, policies.IdAt(d.SourceName, d.Line, d.Column))));
        }

        return (errors, warnings);
    }
}
