using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Airlock.Cli.Tests.Support;
using Airlock.Storage.Sqlite;

namespace Airlock.Cli.Tests;

/// <summary>
/// The data-plane issue's crash requirement: <c>kill -9</c> of the gateway under load, in a loop. After every kill the
/// log verifies offline (against the checkpoint file too), no upstream request exists without its sealed permit
/// record, history already exported is never rewritten, and the server starts again on the crashed data directory.
/// <para>
/// <c>AIRLOCK_CRASH_LOOPS</c> sets the number of kills (default 4); <c>AIRLOCK_CRASH_SEED</c> replays a run (the
/// seed, printed in the test output and in every failure, picks the moments of the kills).
/// </para>
/// </summary>
public sealed class CrashUnderLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Service = "rec";
    private const int Clients = 24;
    private const int MaxKillDelayMs = 800;
    private const string Policy = """
        @id("loader-calls-rec")
        permit (principal == Airlock::Agent::"loader", action, resource in Airlock::Service::"rec");
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new();
    private FakeAdminApi _upstream = null!;
    private ServeProcess? _server;

    private string DataDir => Path.Combine(_dir.Path, "data");

    private string CheckpointFile => Path.Combine(_dir.Path, "checkpoints.jsonl");

    public async ValueTask InitializeAsync() =>
        // Any Kestrel that records what it receives and answers 200 will do as the upstream.
        _upstream = await FakeAdminApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _upstream.DisposeAsync();
        _dir.Dispose();
    }

    [Fact(Timeout = 15 * 60 * 1000)]
    public async Task Kill_9_under_load_in_a_loop_never_loses_a_sealed_decision_or_breaks_the_log()
    {
        var loops = int.TryParse(Environment.GetEnvironmentVariable("AIRLOCK_CRASH_LOOPS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 4;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("AIRLOCK_CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var random = new Random(seed);
        Log($"crash loop: {loops} kills, {Clients} concurrent clients, seed {seed} (AIRLOCK_CRASH_SEED={seed} AIRLOCK_CRASH_LOOPS={loops} replays it)");
        var total = Stopwatch.StartNew();

        var init = await _dir.RunAsync("init", "--data-dir", DataDir);
        Assert.True(init.ExitCode == 0, init.ToString());
        var rootToken = init.Stdout.Split('\n').Single(l => l.StartsWith("export AIRLOCK_ADMIN_TOKEN=", StringComparison.Ordinal))["export AIRLOCK_ADMIN_TOKEN=".Length..].Trim();
        _dir.Write("policies/rec.cedar", Policy);

        string? sessionToken = null;
        IReadOnlyList<string> exported = [];
        for (var loop = 1; loop <= loops; loop++)
        {
            var because = $"(kill {loop} of {loops}, seed {seed})";
            var lap = Stopwatch.StartNew();

            // The server starts on the data directory the previous kill left behind.
            _server = await StartServerAsync(because);
            var startedMs = lap.ElapsedMilliseconds;
            if (sessionToken is null)
            {
                sessionToken = await SetUpAsync(_server.AdminAddress, rootToken);
            }

            var delay = random.Next(MaxKillDelayMs + 1);
            var upstreamBefore = _upstream.Requests.Count;
            int exit;
            await using (var load = CallLoad.Start(_server.DataAddress, Service, sessionToken, Clients))
            {
                // It serves: a call goes all the way through before the kill is armed.
                var served = await Task.WhenAny(load.FirstPermitted, Task.Delay(StartTimeout, TestContext.Current.CancellationToken));
                Assert.True(
                    served == load.FirstPermitted,
                    $"no call was answered 200 within {StartTimeout.TotalSeconds:0} s {because}; answers: " +
                    $"{string.Join(", ", load.Answers.Values.CountBy(v => v))}; errors: {string.Join('\n', load.ErrorsBeforeKill)}\n{_server.Output}");
                await Task.Delay(delay, TestContext.Current.CancellationToken);

                load.Killing = true;
                Assert.False(_server.HasExited, $"airlock serve exited on its own under load {because}:\n{_server.Output}");
                exit = await _server.KillAsync(ExitTimeout);
                await load.StopAsync(ExitTimeout);

                Assert.True(load.ErrorsBeforeKill.IsEmpty, $"calls failed before the kill {because}:\n{string.Join('\n', load.ErrorsBeforeKill)}");
                var unexpected = load.Answers.Where(a => a.Value is not (200 or 503)).Take(10).ToList();
                Assert.True(unexpected.Count == 0, $"calls answered other than 200 or 503 {because}: {string.Join(", ", unexpected)}");
                AssertUpstreamSaw(load, because);
                Log($"kill {loop}: {delay} ms after the first permitted call; {load.Answers.Count(a => a.Value == 200)} answered 200, " +
                    $"{load.AuditRefused.Count} refused 503 audit_unavailable, {_upstream.Requests.Count - upstreamBefore} reached the upstream");
            }

            Assert.True(exit == 137, $"airlock serve did not end by SIGKILL (exit {exit}) {because}:\n{_server.Output}");
            await AssertNothingListensAsync(_server.DataAddress, because);
            await _server.DisposeAsync();
            _server = null;

            var killedMs = lap.ElapsedMilliseconds;
            exported = await VerifyAsync(exported, because);
            Log($"kill {loop}: log of {exported.Count} records verified; lap {lap.ElapsedMilliseconds} ms (serve started at {startedMs}, killed at {killedMs})");
        }

        // After the last crash: the server starts, serves, stops gracefully, and the final log verifies with a last
        // checkpoint covering every record.
        _server = await StartServerAsync($"(after the last kill, seed {seed})");
        using (var http = new HttpClient { BaseAddress = _server.DataAddress, Timeout = StartTimeout })
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sessionToken);
            using var last = await http.GetAsync(new Uri($"/{Service}/rec/last", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)last.StatusCode);
        }

        var stopped = await _server.StopAsync(ExitTimeout);
        Assert.True(stopped == 0, $"airlock serve did not stop cleanly (exit {stopped}):\n{_server.Output}");
        await _server.DisposeAsync();
        _server = null;

        Assert.Contains(_upstream.Requests, r => r.PathAndQuery == "/rec/last");
        var final = await VerifyAsync(exported, $"(final, seed {seed})");
        var lastCheckpoint = Core.Audit.CheckpointFile.Read(CheckpointFile)[^1];
        Assert.Equal(final.Count, lastCheckpoint.TreeSize);
        Log($"done: {loops} kills, {final.Count} records, {total.ElapsedMilliseconds} ms");
    }

    private async Task<ServeProcess> StartServerAsync(string because)
    {
        try
        {
            return await ServeProcess.StartAsync(
                _dir.Path,
                StartTimeout,
                "--data-dir", DataDir, "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0",
                "--policies", Path.Combine(_dir.Path, "policies"), "--audit-checkpoint-file", CheckpointFile);
        }
        catch (InvalidOperationException e)
        {
            Assert.Fail($"airlock serve did not start on the crashed data directory {because}: {e.Message}");
            throw;
        }
    }

    /// <summary>
    /// An agent allowed to call the recording upstream, registered as service <see cref="Service"/>; returns a session
    /// token. Through the admin API directly: the admin commands have their own tests, and each process start costs
    /// seconds on a busy machine.
    /// </summary>
    private async Task<string> SetUpAsync(string admin, string rootToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(admin), Timeout = StartTimeout };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", rootToken);
        var ct = TestContext.Current.CancellationToken;
        (await http.PostAsJsonAsync("/v1/agents", new { id = "loader" }, ct)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/v1/services", new { name = Service, url = _upstream.Address, credential = new { kind = "none" } }, ct)).EnsureSuccessStatusCode();
        using var session = await http.PostAsJsonAsync("/v1/sessions", new { agent = "loader", intent = "load the gateway until it is killed", ttl_seconds = 7200 }, ct);
        session.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await session.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>
    /// What the kill may not have broken, on the load's own answers: every call answered 200 reached the upstream,
    /// and no call refused for want of its audit record did (fail closed).
    /// </summary>
    private void AssertUpstreamSaw(CallLoad load, string because)
    {
        var reached = UpstreamIds();
        var permittedMissing = load.Answers.Where(a => a.Value == 200 && !reached.Contains(a.Key)).Select(a => a.Key).Take(10).ToList();
        Assert.True(permittedMissing.Count == 0, $"calls answered 200 that the upstream never received {because}: {string.Join(", ", permittedMissing)}");
        var refusedForwarded = load.AuditRefused.Where(reached.Contains).Take(10).ToList();
        Assert.True(refusedForwarded.Count == 0, $"calls refused with 503 audit_unavailable reached the upstream {because}: {string.Join(", ", refusedForwarded)}");
    }

    /// <summary>
    /// Verifies the log offline (stored checkpoints and the checkpoint file), exports it, and checks that it extends
    /// <paramref name="previous"/> unchanged and holds a permit decision for every request the upstream ever
    /// received. Returns the exported lines.
    /// </summary>
    private async Task<IReadOnlyList<string>> VerifyAsync(IReadOnlyList<string> previous, string because)
    {
        // The file appears with the first checkpoint (every 1000 records, 10 s, or a graceful stop): a kill may come first.
        string[] withFile = File.Exists(CheckpointFile) ? ["--checkpoint-file", CheckpointFile] : [];
        var verify = await _dir.RunAsync(["audit", "verify", "--data-dir", DataDir, .. withFile]);
        Assert.True(verify.ExitCode == 0, $"the log does not verify {because}:\n{verify}");

        var lines = await ReadLogAsync();
        Assert.Contains($"ok: {lines.Count} records", verify.Stdout, StringComparison.Ordinal);
        Assert.True(lines.Count >= previous.Count, $"the log shrank from {previous.Count} to {lines.Count} records {because}");
        for (var i = 0; i < previous.Count; i++)
        {
            Assert.True(previous[i] == lines[i], $"record {i} changed across a crash {because}:\nbefore: {previous[i]}\nafter:  {lines[i]}");
        }

        var decisions = new Dictionary<string, (long Seq, string? Decision)>(StringComparer.Ordinal);
        var paths = new Dictionary<long, string?>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var record = json.RootElement;
            var seq = record.GetProperty("seq").GetInt64();
            var path = record.GetProperty("path").GetString();
            if (record.GetProperty("kind").GetString() == "decision")
            {
                paths[seq] = path;
                if (path is not null && !decisions.TryAdd(path, (seq, record.GetProperty("decision").GetString())))
                {
                    Assert.Fail($"two decision records for {path} (records {decisions[path].Seq} and {seq}) {because}");
                }
            }
            else
            {
                // An outcome always follows the decision it belongs to, for the same call.
                var decisionSeq = record.GetProperty("decisionSeq").GetInt64();
                Assert.True(
                    decisionSeq < seq && paths.TryGetValue(decisionSeq, out var decided) && decided == path,
                    $"outcome record {seq} names decision {decisionSeq}, which is not an earlier decision for {path} {because}");
            }
        }

        var unsealed = UpstreamIds().Where(id => decisions.GetValueOrDefault("/rec/" + id).Decision != "permit").Take(10).ToList();
        Assert.True(
            unsealed.Count == 0,
            $"the upstream received requests with no sealed permit decision in the log {because}: {string.Join(", ", unsealed)}");
        return lines;
    }

    /// <summary>The process killed was the server itself, not a wrapper around it: its listener died with it.</summary>
    private static async Task AssertNothingListensAsync(Uri address, string because)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        var refused = await Record.ExceptionAsync(() => socket.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken).AsTask());
        Assert.True(refused is System.Net.Sockets.SocketException, $"{address} still accepts connections after the kill {because}");
    }

    /// <summary>
    /// Every record as its canonical JSON line, read the way <c>airlock audit export --data-dir</c> reads it (the
    /// database opened read-only; disposing the store empties its connection pool), without the cost of another process.
    /// </summary>
    private async Task<List<string>> ReadLogAsync()
    {
        var lines = new List<string>();
        await using (var store = SqliteAirlockStore.OpenReadOnly(DataDir))
        {
            while (true)
            {
                var page = await store.Audit.ReadAsync(lines.Count, 5000, TestContext.Current.CancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                lines.AddRange(page.Select(r => Encoding.UTF8.GetString(r.Data)));
            }
        }

        return lines;
    }

    /// <summary>The id of every request the upstream received, in every lap so far.</summary>
    private HashSet<string> UpstreamIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in _upstream.Requests)
        {
            Assert.StartsWith("/rec/", request.PathAndQuery, StringComparison.Ordinal);
            ids.Add(request.PathAndQuery["/rec/".Length..]);
        }

        return ids;
    }

    private void Log(string message)
    {
        output.WriteLine(message);
        TestContext.Current.SendDiagnosticMessage(message);
    }
}
