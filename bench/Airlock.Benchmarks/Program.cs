using Airlock.Benchmarks.Compare;
using BenchmarkDotNet.Running;

namespace Airlock.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Airlock.Benchmarks -- [--quick] [BenchmarkDotNet options]</c> runs the
/// BenchmarkDotNet suite; <c>-- compare [--quick]</c> runs the same-run comparison with cedar-wasm in Node;
/// <c>-- first-byte [--requests N]</c> times a streamed LLM answer's first byte through Airlock and direct.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "compare")
        {
            return CompareCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "first-byte")
        {
            return FirstByte.FirstByteCommand.Run(args[1..]);
        }

        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToList();
        if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h"))
        {
            // Without a filter BenchmarkDotNet asks interactively; a script wants everything.
            rest.AddRange(["--filter", "*"]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run([.. rest], quick ? BenchmarkConfigs.Quick() : BenchmarkConfigs.Standard());
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
