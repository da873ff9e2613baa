using System.CommandLine;
using System.Text;
using Airlock.Cli.AdminApi;
using Airlock.Core.Audit;

namespace Airlock.Cli.Commands.Audit;

/// <summary>
/// <c>airlock audit verify|tail|show|export</c>: read and check the audit log, offline on a data directory
/// (<c>--data-dir</c>, server stopped) or through a running gateway's admin API.
/// </summary>
internal static class AuditCommand
{
    private const int Page = 1000;

    public static Command Create()
    {
        var command = new Command("audit", "Read and verify the tamper-evident audit log (docs/audit.md).")
        {
            Verify(),
            Tail(),
            Show(),
            Export(),
        };
        return command;
    }

    private static Command Verify()
    {
        var source = new SourceOptions();
        var checkpointFile = new Option<string?>("--checkpoint-file")
        {
            Description = "Also check the log against the checkpoints in this file (JSON lines written by the gateway); catches truncation.",
            HelpName = "FILE",
        };
        var command = new Command(
            "verify",
            "Check every record, sequence number and checkpoint (signatures, roots, consistency proofs). " +
            "Exit codes: 0 verified; 1 the log is bad (the message names the first bad record); 2 bad usage; 3 token refused; 7 gateway unreachable.")
        {
            checkpointFile,
        };
        source.AddTo(command);
        command.SetAction(parse => Run(parse, source, async (audit, io, ct) =>
        {
            IReadOnlyList<SignedTreeHead> exported = [];
            if (parse.GetValue(checkpointFile) is { } file)
            {
                try
                {
                    exported = CheckpointFile.Read(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    throw new UsageException($"cannot read the checkpoint file: {e.Message}");
                }
            }

            var outcome = await audit.VerifyAsync(exported, ct).ConfigureAwait(false);
            if (!outcome.Ok)
            {
                var at = outcome.Sequence is { } seq ? $" (first bad record: {seq})" : string.Empty;
                io.Error.WriteLine($"error: the audit log does not verify{at}: {outcome.Message}");
                io.Error.WriteLine($"  kind: {outcome.Kind}");
                return ExitCodes.Invalid;
            }

            io.Out.WriteLine(
                $"ok: {outcome.RecordCount} records, {outcome.CheckpointsVerified} stored checkpoints" +
                (exported.Count > 0 ? $", {outcome.ExportedCheckpointsVerified} exported checkpoints" : string.Empty) +
                $" verified; root {outcome.RootHash}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Tail()
    {
        var source = new SourceOptions();
        var count = new Option<int>("-n", "--lines") { Description = "How many of the newest records to print.", DefaultValueFactory = _ => 20 };
        var command = new Command("tail", "Print the newest records, one canonical JSON line each.") { count };
        source.AddTo(command);
        command.SetAction(parse => Run(parse, source, async (audit, io, ct) =>
        {
            var n = parse.GetValue(count);
            if (n < 1)
            {
                throw new UsageException("-n must be at least 1");
            }

            var size = await audit.SizeAsync(ct).ConfigureAwait(false);
            await WriteRangeAsync(audit, io, Math.Max(0, size - n), size, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var source = new SourceOptions();
        var seq = new Argument<long>("SEQ") { Description = "The record's sequence number (0 is the first)." };
        var command = new Command("show", "Print one record as its canonical JSON line.") { seq };
        source.AddTo(command);
        command.SetAction(parse => Run(parse, source, async (audit, io, ct) =>
        {
            var wanted = parse.GetValue(seq);
            var rows = wanted < 0 ? [] : await audit.ReadAsync(wanted, 1, ct).ConfigureAwait(false);
            if (rows.Count == 0 || AuditRecordEncoding.Decode(rows[0]).Sequence != wanted)
            {
                io.Error.WriteLine($"error: there is no audit record {wanted}");
                return ExitCodes.NotFound;
            }

            io.Out.WriteLine(Encoding.UTF8.GetString(rows[0]));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Export()
    {
        var source = new SourceOptions();
        var from = new Option<long>("--from") { Description = "The first sequence number to export.", DefaultValueFactory = _ => 0 };
        var command = new Command("export", "Write records as JSON lines on stdout, each exactly the bytes hashed into the Merkle tree.") { from };
        source.AddTo(command);
        command.SetAction(parse => Run(parse, source, async (audit, io, ct) =>
        {
            var start = parse.GetValue(from);
            if (start < 0)
            {
                throw new UsageException("--from must be 0 or more");
            }

            await WriteRangeAsync(audit, io, start, long.MaxValue, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task WriteRangeAsync(IAuditSource audit, CommandIo io, long from, long to, CancellationToken ct)
    {
        for (var next = from; next < to;)
        {
            var rows = await audit.ReadAsync(next, (int)Math.Min(Page, to - next), ct).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return;
            }

            foreach (var row in rows)
            {
                io.Out.WriteLine(Encoding.UTF8.GetString(row));
            }

            next += rows.Count;
        }
    }

    private static int Run(ParseResult parse, SourceOptions source, Func<IAuditSource, CommandIo, CancellationToken, Task<int>> body) =>
        CommandRunner.Run(parse, io =>
        {
            try
            {
                return RunAsync().GetAwaiter().GetResult();
            }
            catch (AuditCliException e)
            {
                io.Error.WriteLine($"error: {e.Message}");
                if (e.Help is not null)
                {
                    io.Error.WriteLine($"  help: {e.Help}");
                }

                return e.ExitCode;
            }

            async Task<int> RunAsync()
            {
                var dataDir = parse.GetValue(source.DataDirectory);
                IAuditSource audit = dataDir is not null
                    ? await OfflineAuditSource.OpenAsync(dataDir, CancellationToken.None).ConfigureAwait(false)
                    : new OnlineAuditSource(AdminConnection.Resolve(parse.GetValue(source.Address)));
                await using (audit.ConfigureAwait(false))
                {
                    return await body(audit, io, CancellationToken.None).ConfigureAwait(false);
                }
            }
        });

    private sealed class SourceOptions
    {
        public Option<string?> DataDirectory { get; } = new("--data-dir")
        {
            Description = "Read this data directory's database directly, read-only (the server should be stopped); no admin token needed.",
            HelpName = "DIR",
        };

        public Option<string?> Address { get; } = new("--addr")
        {
            Description = $"The admin API address when not using --data-dir; overrides {AdminConnection.AddressVariable}. The token is read from {AdminConnection.TokenVariable}.",
            HelpName = "URL",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(DataDirectory);
            command.Options.Add(Address);
        }
    }
}
