using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Airlock.Cli.Tests.Support;

/// <summary>
/// A real <c>airlock serve</c> child process: <c>dotnet airlock.dll serve …</c>, which the dotnet host runs in its own
/// process (no wrapper), so <see cref="Process.Id"/> is the server and <see cref="KillAsync"/> kills the server itself.
/// Started with <see cref="StartAsync"/>, which returns once both listeners are printed; everything the server prints
/// is drained all along (a full pipe would stall it) and kept in <see cref="Output"/>.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private const string DataPlanePrefix = "airlock: data plane listening on ";
    private const string AdminPrefix = "airlock: admin API listening on ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process) => _process = process;

    /// <summary>The data-plane address the server printed.</summary>
    public Uri DataAddress { get; private set; } = null!;

    /// <summary>The admin API address the server printed.</summary>
    public string AdminAddress { get; private set; } = "";

    /// <summary>The server's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the server process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the server printed so far, stdout and stderr interleaved as received.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Runs <c>airlock serve args…</c> in <paramref name="workingDirectory"/> with no <c>AIRLOCK_*</c> variables of this
    /// process, and waits (at most <paramref name="timeout"/>) until it prints both listening addresses. Throws, with
    /// what the server printed, when it exits or stays silent instead.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "airlock.dll"));
        start.ArgumentList.Add("serve");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AIRLOCK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var serve = new ServeProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start airlock serve"));
        serve._process.OutputDataReceived += (_, e) => serve.OnStdout(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();

        var started = await Task.WhenAny(serve._listening.Task, serve._stdoutClosed.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (started != serve._listening.Task)
        {
            var why = started == serve._stdoutClosed.Task ? "exited" : $"did not listen within {timeout.TotalSeconds:0} s";
            await serve.KillAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            throw new InvalidOperationException($"airlock serve {why}; it printed:\n{serve.Output}");
        }

        return serve;
    }

    /// <summary>Sends SIGKILL to the server (a crash: nothing is flushed or checkpointed) and waits for it to end.</summary>
    public async Task<int> KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        return await WaitForExitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>Sends SIGTERM (a graceful stop: queued records are committed and a last checkpoint is signed) and waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        }

        return await WaitForExitAsync(timeout).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        return _process.ExitCode;
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _stdoutClosed.TrySetResult();
            return;
        }

        Append(line);
        if (line.StartsWith(DataPlanePrefix, StringComparison.Ordinal))
        {
            DataAddress = new Uri(line[DataPlanePrefix.Length..].Trim());
        }
        else if (line.StartsWith(AdminPrefix, StringComparison.Ordinal))
        {
            AdminAddress = line[AdminPrefix.Length..].Trim();
            if (DataAddress is not null)
            {
                _listening.TrySetResult();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
