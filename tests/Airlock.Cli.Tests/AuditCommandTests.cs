using Airlock.Core.Audit;
using Airlock.Gateway.Hosting;
using Microsoft.Data.Sqlite;

namespace Airlock.Cli.Tests;

/// <summary><c>airlock audit</c> offline on a real data directory, with the server stopped.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DataDir => Path.Combine(_dir.Path, "data");

    private string CheckpointFile => Path.Combine(_dir.Path, "checkpoints.jsonl");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Verify_Export_Tail_Show_OnAnIntactLog()
    {
        await CreateLogAsync(12);

        var verify = await _dir.RunAsync("audit", "verify", "--data-dir", DataDir, "--checkpoint-file", CheckpointFile);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("ok: 12 records", verify.Stdout, StringComparison.Ordinal);

        var export = await _dir.RunAsync("audit", "export", "--data-dir", DataDir, "--from", "2");
        Assert.Equal(10, export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var tail = await _dir.RunAsync("audit", "tail", "--data-dir", DataDir, "-n", "3");
        var lines = tail.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"v\":2,\"seq\":9,", lines[0], StringComparison.Ordinal);

        var show = await _dir.RunAsync("audit", "show", "4", "--data-dir", DataDir);
        Assert.Contains("\"reason\":\"reading issue 4\"", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(5, (await _dir.RunAsync("audit", "show", "99", "--data-dir", DataDir)).ExitCode);
    }

    [Fact]
    public async Task Verify_DeletedRecord_ExitsOneNamingIt()
    {
        await CreateLogAsync(12);
        Sql("DELETE FROM audit_records WHERE seq = 5");

        var verify = await _dir.RunAsync("audit", "verify", "--data-dir", DataDir);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("first bad record: 5", verify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TruncatedLogWithoutStoredCheckpoints_IsCaughtByTheCheckpointFile()
    {
        await CreateLogAsync(12);
        Sql("DELETE FROM audit_records WHERE seq >= 9; DELETE FROM audit_checkpoints;");

        Assert.Equal(0, (await _dir.RunAsync("audit", "verify", "--data-dir", DataDir)).ExitCode);
        var verify = await _dir.RunAsync("audit", "verify", "--data-dir", DataDir, "--checkpoint-file", CheckpointFile);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("first bad record: 9", verify.Stderr, StringComparison.Ordinal);
    }

    private async Task CreateLogAsync(int records)
    {
        var init = await _dir.RunAsync("init", "--data-dir", DataDir);
        Assert.True(init.ExitCode == 0, init.ToString());
        var options = new GatewayOptions { DataDirectory = DataDir, Audit = new AuditOptions { CheckpointFile = CheckpointFile, CheckpointEvery = 5 } };
        await using var runtime = await GatewayRuntime.OpenAsync(options, TimeProvider.System, TestContext.Current.CancellationToken);
        for (var i = 0; i < records; i++)
        {
            await runtime.Audit.AppendAsync(
                new AuditRecord
                {
                    Kind = AuditRecordKind.Decision,
                    Time = DateTimeOffset.UnixEpoch.AddDays(20_000),
                    AgentId = "bot",
                    Method = "GET",
                    Service = "github",
                    Path = "/issues/" + i,
                    Reason = "reading issue " + i,
                    Decision = AuditDecision.Permit,
                },
                TestContext.Current.CancellationToken);
        }
    }

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDir, "airlock.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
