namespace Airlock.Cli.Validation;

/// <summary>What <c>policy validate</c> found across all files.</summary>
internal sealed record ValidationReport(int FileCount, int PolicyCount, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
