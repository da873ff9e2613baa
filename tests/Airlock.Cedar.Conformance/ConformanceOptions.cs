using System.Globalization;
using Airlock.Cedar.Differential;

namespace Airlock.Cedar.Conformance;

/// <summary>The runner's command line: <c>[corpus] [--engine native|oracle] [--allowlist FILE] [--workers N] [--examples N] [--filter TEXT]</c>.</summary>
/// <param name="Corpus">A corpus folder or <c>.tar.gz</c>; defaults to the shared development corpus.</param>
/// <param name="Engine"><c>native</c> (Airlock.Cedar) or <c>oracle</c> (the reference engine in node).</param>
/// <param name="AllowList">The allow-list file.</param>
/// <param name="Workers">How many tests run at once; defaults to the processor count.</param>
/// <param name="Examples">How many example failures of each kind to print.</param>
/// <param name="Filter">Only tests whose path contains this text.</param>
public sealed record ConformanceOptions(string Corpus, string Engine, string AllowList, int Workers, int Examples, string? Filter)
{
    public const string Usage = "usage: Airlock.Cedar.Conformance [corpus folder or .tar.gz] [--engine native|oracle] [--allowlist FILE] [--workers N] [--examples N] [--filter TEXT]";

    /// <summary>The shared development corpus, <c>../shared/cedar-corpus/cedar-4.10-dev.tar.gz</c> beside the repository.</summary>
    public static string DefaultCorpus => Path.GetFullPath(Path.Combine(RepoRoot.Find(), "..", "shared", "cedar-corpus", "cedar-4.10-dev.tar.gz"));

    /// <summary>The checked-in allow-list.</summary>
    public static string DefaultAllowList => Path.Combine(RepoRoot.Find(), "tests", "Airlock.Cedar.Conformance", "allowlist.txt");

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with the usage on anything unknown.</summary>
    public static ConformanceOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? corpus = null, allowList = null, filter = null;
        var engine = "native";
        var workers = Environment.ProcessorCount;
        var examples = 3;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--engine": engine = Value(); break;
                case "--allowlist": allowList = Value(); break;
                case "--workers": workers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--examples": examples = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--filter": filter = Value(); break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && corpus is null: corpus = a; break;
                default: throw new ArgumentException($"unknown argument `{args[i]}`\n{Usage}");
            }
        }

        if (engine is not ("native" or "oracle"))
        {
            throw new ArgumentException($"unknown engine `{engine}`\n{Usage}");
        }

        return new ConformanceOptions(corpus ?? DefaultCorpus, engine, allowList ?? DefaultAllowList, workers, examples, filter);
    }
}
