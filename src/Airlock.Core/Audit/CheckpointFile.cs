using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Airlock.Core.Audit;

/// <summary>
/// Checkpoints as JSON lines, one per checkpoint, in a file the operator keeps apart from the database (and may
/// ship elsewhere): <c>{"treeSize":N,"rootHash":b64,"timestamp":"…Z","keyId":…,"algorithm":"ES256","signature":b64}</c>.
/// </summary>
public static class CheckpointFile
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>One checkpoint as a JSON line (without the newline).</summary>
    public static string ToJsonLine(SignedTreeHead checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("treeSize", checkpoint.TreeSize);
            w.WriteString("rootHash", Convert.ToBase64String(checkpoint.RootHash));
            w.WriteString("timestamp", checkpoint.Timestamp.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            w.WriteString("keyId", checkpoint.KeyId);
            w.WriteString("algorithm", checkpoint.Algorithm);
            w.WriteString("signature", Convert.ToBase64String(checkpoint.Signature));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one line written by <see cref="ToJsonLine"/>; <see cref="FormatException"/> otherwise.</summary>
    public static SignedTreeHead FromJsonLine(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            return new SignedTreeHead(
                e.GetProperty("treeSize").GetInt64(),
                Convert.FromBase64String(e.GetProperty("rootHash").GetString() ?? ""),
                DateTimeOffset.ParseExact(e.GetProperty("timestamp").GetString() ?? "", TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                e.GetProperty("keyId").GetString() ?? "",
                e.GetProperty("algorithm").GetString() ?? "",
                Convert.FromBase64String(e.GetProperty("signature").GetString() ?? ""));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not a checkpoint line", ex);
        }
    }

    /// <summary>Appends one line and flushes it to disk before returning.</summary>
    public static async Task AppendAsync(string path, SignedTreeHead checkpoint, CancellationToken ct = default)
    {
        var bytes = Encoding.UTF8.GetBytes(ToJsonLine(checkpoint) + "\n");
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, options);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every checkpoint in the file, in file order; blank lines are skipped, a bad line names its number.</summary>
    public static IReadOnlyList<SignedTreeHead> Read(string path)
    {
        var checkpoints = new List<SignedTreeHead>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                checkpoints.Add(FromJsonLine(line));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}:{number}: not a checkpoint line", e);
            }
        }

        return checkpoints;
    }
}
