using System.Diagnostics;

namespace Airlock.Cli.Tests;

/// <summary>Runs the real <c>airlock</c> build output as a child process, as a user or a CI job would.</summary>
public static class AirlockProcess
{
    // The project reference copies airlock.dll and its runtimeconfig next to the test assembly.
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "airlock.dll");

    /// <summary>Runs <c>dotnet airlock.dll args…</c> in <paramref name="workingDirectory"/> and captures its output and exit code.</summary>
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, stdin: null, environment: null, args);

    /// <summary>
    /// Runs airlock with <paramref name="stdin"/> piped in (empty when null) and the <c>AIRLOCK_*</c> variables of this
    /// process replaced by <paramref name="environment"/>, so a developer's own settings never leak into a test.
    /// </summary>
    public static async Task<CliResult> RunAsync(
        string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AIRLOCK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        // Read both streams concurrently: a child blocked on a full stderr pipe would never exit.
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), timeout.Token);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command may exit before reading stdin (a usage error); what it printed still tells the story.
        }

        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
