using System.Globalization;
using System.Security.Cryptography;

namespace Airlock.Cedar.Differential;

/// <summary>
/// The tester's command line: <c>[--seed N] [--cases N] [--parallel | --workers N] [--show N] [--group-seed N]</c>.
/// </summary>
/// <param name="Seed">The run's seed; every case follows from it.</param>
/// <param name="Cases">How many cases (policy sets, each with its requests) to run.</param>
/// <param name="Workers">How many workers (each with its own node process) run at once.</param>
/// <param name="Show">How many disagreements to print in full (0: all).</param>
/// <param name="GroupSeed">When set, run only the group with this seed (printed with each disagreement).</param>
public sealed record DifferentialOptions(int Seed, int Cases, int Workers, int Show, int? GroupSeed)
{
    public const string Usage = "usage: Airlock.Cedar.Differential [--seed N] [--cases N] [--parallel | --workers N] [--show N (0 = all)] [--group-seed N]";

    /// <summary>Cases per group: they share a schema and entities, parsed once per group on each side.</summary>
    public const int CasesPerGroup = 8;

    /// <summary>Requests decided against each case's policies.</summary>
    public const int RequestsPerCase = 3;

    public static DifferentialOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var cases = 3000;
        var workers = 1;
        var show = 100;
        int? groupSeed = null;
        for (var i = 0; i < args.Count; i++)
        {
            int Value() => i + 1 < args.Count
                ? int.Parse(args[++i], CultureInfo.InvariantCulture)
                : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--seed": seed = Value(); break;
                case "--cases": cases = Value(); break;
                case "--parallel": workers = Environment.ProcessorCount; break;
                case "--workers": workers = Value(); break;
                case "--show": show = Value(); break;
                case "--group-seed": groupSeed = Value(); break;
                default: throw new ArgumentException($"unknown argument `{args[i]}`\n{Usage}");
            }
        }

        return new DifferentialOptions(seed, cases, Math.Max(1, workers), show, groupSeed);
    }
}
