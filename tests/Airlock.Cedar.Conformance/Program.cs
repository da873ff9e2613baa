using Airlock.Cedar.Conformance;
using Airlock.Cedar.Conformance.Corpus;
using Airlock.Cedar.Conformance.Engines;
using Airlock.Cedar.Conformance.Reporting;

ConformanceOptions options;
try
{
    options = ConformanceOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var started = System.Diagnostics.Stopwatch.StartNew();
var tests = CorpusReader.ReadTests(CorpusFiles.Load(options.Corpus));
if (options.Filter is { } filter)
{
    tests = [.. tests.Where(t => t.Path.Contains(filter, StringComparison.Ordinal))];
}

var allowList = File.Exists(options.AllowList) ? AllowList.Load(options.AllowList) : AllowList.Empty;
Func<IConformanceEngine> engine = options.Engine == "oracle" ? () => new OracleEngine() : () => new NativeEngine();
var report = ConformanceRunner.Run(tests, engine, allowList, options.Workers) with
{
    Corpus = $"{options.Corpus} (engine {options.Engine})",
    Elapsed = started.Elapsed,
};
if (options.Engine == "oracle")
{
    var failed = report.Results.Where(r => !r.Passed).ToArray();
    Console.WriteLine($"note: {failed.Count(r => JavaScriptNumbers.HasUnsafeIntegers(r.Test))} of the {failed.Length} failed tests hold integers beyond ±2^53, which JavaScript rounds before cedar-wasm sees them");
}

report.Write(Console.Out, options.Examples);

return report.Failed == 0 ? 0 : 1;
