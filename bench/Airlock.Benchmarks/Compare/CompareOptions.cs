using System.Globalization;

namespace Airlock.Benchmarks.Compare;

/// <summary>Settings of the same-run comparison, shared by the C# and the Node side.</summary>
internal sealed record CompareOptions
{
    public int Iterations { get; init; } = 500;

    public int WarmupCalls { get; init; } = 100;

    public int WarmupMs { get; init; } = 2000;

    /// <summary>Samples for the loading comparison (parse, parse and validate, entities), whose calls take milliseconds.</summary>
    public int LoadIterations { get; init; } = 20;

    /// <summary>
    /// Warm-up calls before each loading measurement (on top of <see cref="WarmupMs"/> of calling). The parser is
    /// many methods each called about once per parse, and .NET promotes a method after 30 calls, so a steady-state
    /// parse needs more than 30 parses first.
    /// </summary>
    public int LoadWarmupCalls { get; init; } = 40;

    /// <summary>How many varied requests both engines decide to check that they agree.</summary>
    public int AgreementRequests { get; init; } = 200;

    public string? NodeDirectory { get; init; }

    public string? OutputDirectory { get; init; }

    public bool Keep { get; init; }

    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CompareOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options with { Iterations = 100, WarmupCalls = 20, WarmupMs = 300, AgreementRequests = 50, LoadIterations = 5, LoadWarmupCalls = 2 },
                "--iterations" => options with { Iterations = NextInt() },
                "--warmup-calls" => options with { WarmupCalls = NextInt() },
                "--warmup-ms" => options with { WarmupMs = NextInt() },
                "--load-iterations" => options with { LoadIterations = NextInt() },
                "--requests" => options with { AgreementRequests = NextInt() },
                "--node-dir" => options with { NodeDirectory = Next() },
                "--out" => options with { OutputDirectory = Next(), Keep = true },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown option `{args[i]}`; see bench/README.md"),
            };
        }

        return options;
    }
}
