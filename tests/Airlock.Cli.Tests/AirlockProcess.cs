using System.Diagnostics;

namespace Airlock.Cli.Tests;

/// <summary>Runs the real <c>airlock</c> build output as a child process, as a user or a CI job would.</summary>
public static class AirlockProcess
{
    // The project reference copies airlock.dll and its runtimeconfig next to the test assembly.
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "airlock.dll");

    /// <summary>Runs <c>dotnet airlock.dll args…</c> in <paramref name="workingDirectory"/> and captures its output and exit code.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        // Read both streams concurrently: a child blocked on a full stderr pipe would never exit.
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
