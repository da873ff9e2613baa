using Airlock.Cedar.Differential;
using Airlock.Cedar.Differential.Oracle;
using Airlock.Cedar.Differential.Running;

DifferentialOptions options;
try
{
    options = DifferentialOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    var summary = new DifferentialRunner(options, Console.Out).Run();
    summary.Write(Console.Out);
    return summary.Failed == 0 ? 0 : 1;
}
catch (OracleException e)
{
    Console.Error.WriteLine("the reference engine failed: " + e.Message);
    return 2;
}
