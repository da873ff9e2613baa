using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Airlock.Cedar.Differential.Oracle;

/// <summary>
/// One long-lived <c>node oracle.mjs</c> process speaking JSON lines: the reference Cedar engine.
/// Not thread-safe; give each worker its own.
/// </summary>
public sealed class OracleProcess : IDisposable
{
    /// <summary>Overrides where <c>oracle.mjs</c> and its <c>node_modules</c> live.</summary>
    public const string DirectoryVariable = "AIRLOCK_CEDAR_ORACLE_DIR";

    /// <summary>When set, every request sent is also appended to <c>{value}.{pid}.jsonl</c>, to replay an oracle crash with plain node.</summary>
    public const string TraceVariable = "AIRLOCK_CEDAR_ORACLE_TRACE";

    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly StreamWriter? trace;

    private OracleProcess(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        if (Environment.GetEnvironmentVariable(TraceVariable) is { Length: > 0 } prefix)
        {
            trace = new StreamWriter($"{prefix}.{process.Id}.jsonl", append: true, new UTF8Encoding(false)) { AutoFlush = true };
        }
    }

    /// <summary>The oracle folder: <see cref="DirectoryVariable"/> when set, else <c>tests/Airlock.Cedar.Differential/oracle</c>.</summary>
    public static string LocateDirectory() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(RepoRoot.Find(), "tests", "Airlock.Cedar.Differential", "oracle");

    /// <summary>Starts the oracle; fails with a how-to-fix message when node or the npm packages are missing.</summary>
    public static OracleProcess Start(string? directory = null)
    {
        directory ??= LocateDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@cedar-policy", "cedar-wasm")))
        {
            throw new OracleException($"cedar-wasm is not installed in `{directory}`; run `npm ci` there (bash .ci/test.sh does)");
        }

        // --no-opt: node 20's optimising JIT aborts the process ("Fatal error ... unreachable code" in the
        // deoptimiser) after some tens of thousands of corpus calls, at the same call each time; without it the
        // same calls all pass, no slower, since the work is in wasm.
        var info = new ProcessStartInfo("node", ["--no-opt", "oracle.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // No byte-order mark: node would read it as part of the first request.
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        try
        {
            return new OracleProcess(Process.Start(info) ?? throw new OracleException("node did not start"));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OracleException("cannot run `node`; install Node.js (bash .ci/test.sh does)", e);
        }
    }

    /// <summary>Sends one request and returns its answer.</summary>
    public OracleAnswer Call(string request) => Call([request])[0];

    /// <summary>
    /// Sends a batch of requests (one JSON object each) and returns the answers in the same order.
    /// Writing happens on another thread while answers are read: node writes to a pipe synchronously,
    /// so a writer that waited for the whole batch to be sent could deadlock on a full pipe.
    /// </summary>
    public IReadOnlyList<OracleAnswer> Call(IReadOnlyList<string> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var writer = Task.Run(() =>
        {
            var input = process.StandardInput;
            foreach (var request in requests)
            {
                input.Write(request);
                input.Write('\n');
                trace?.Write(request + "\n");
            }

            input.Flush();
        });

        var answers = new OracleAnswer[requests.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            var line = process.StandardOutput.ReadLine() ?? throw Died();
            answers[i] = new OracleAnswer(JsonDocument.Parse(line).RootElement.Clone());
        }

        writer.GetAwaiter().GetResult();
        return answers;
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (IOException)
        {
            // Already gone; nothing to stop.
        }
        catch (InvalidOperationException)
        {
            // Already gone; nothing to stop.
        }

        process.Dispose();
        trace?.Dispose();
    }

    private OracleException Died()
    {
        process.WaitForExit(2000);
        string err;
        lock (stderr)
        {
            err = stderr.ToString();
        }

        return new OracleException($"the oracle process stopped answering (exit code {(process.HasExited ? process.ExitCode : -1)}): {err}");
    }
}
