using System.Globalization;
using System.Security.Cryptography;
using Airlock.Cedar.Differential;
using Airlock.Cedar.Differential.Running;

namespace Airlock.Cedar.Tests.Conformance;

/// <summary>
/// A bounded differential run against the reference engine, with a new seed each time (printed; set
/// <c>AIRLOCK_DIFFERENTIAL_SEED</c> to repeat one, <c>AIRLOCK_DIFFERENTIAL_CASES</c> to change the size).
/// Longer runs: <c>dotnet run --project tests/Airlock.Cedar.Differential -c Release -- --cases 1000000 --parallel</c>.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void RandomCases_AirlockAndCedarWasm_AgreeOnEveryCheck()
    {
        var seed = Setting("AIRLOCK_DIFFERENTIAL_SEED") ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var cases = Setting("AIRLOCK_DIFFERENTIAL_CASES") ?? 3000;
        output.WriteLine($"differential seed {seed} ({cases} cases); repeat with AIRLOCK_DIFFERENTIAL_SEED={seed}");

        var log = new StringWriter();
        var summary = new DifferentialRunner(new DifferentialOptions(seed, cases, Environment.ProcessorCount, Show: 20, GroupSeed: null), log).Run();
        summary.Write(log);

        output.WriteLine(log.ToString());
        Assert.True(summary.Failed == 0, $"seed {seed}: {summary.Failed} cases disagree\n{log}");
        Assert.Equal(cases, summary.Passed + summary.Failed);
    }

    private static int? Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
