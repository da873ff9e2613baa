using System.Text;

namespace Airlock.Cli.Input;

/// <summary>
/// Reads a secret value from stdin or a file, never from the command line (where shell history and process lists
/// would keep it). Exactly one trailing newline is dropped, as <c>echo</c> and editors add one.
/// </summary>
internal static class SecretValueReader
{
    /// <summary>The gateway's limit on a value, in UTF-8 bytes (docs/admin-api.md: "at most 64 KiB").</summary>
    public const int MaxBytes = 64 * 1024;

    private const string Help = "pipe the value on stdin (printf '%s' \"$VALUE\" | airlock secret put NAME) or use --from-file PATH";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the value from <paramref name="fromFile"/> when given, otherwise from stdin, which must not be a terminal.</summary>
    public static string Read(string? fromFile)
    {
        byte[] bytes;
        string source;
        if (fromFile is not null)
        {
            source = $"--from-file `{fromFile}`";
            bytes = ReadFile(fromFile);
        }
        else
        {
            if (!Console.IsInputRedirected)
            {
                throw new UsageException("the secret value is read from stdin, and stdin is a terminal", Help);
            }

            source = "stdin";
            using var stdin = Console.OpenStandardInput();
            bytes = ReadAtMost(stdin, MaxBytes + 2);
        }

        string value;
        try
        {
            value = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"the value from {source} is not UTF-8 text", "secret values are text; base64-encode binary values first");
        }

        value = value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2]
            : value.EndsWith('\n') ? value[..^1]
            : value;
        if (value.Length == 0)
        {
            throw new UsageException($"the value from {source} is empty", Help);
        }

        var size = StrictUtf8.GetByteCount(value);
        return size <= MaxBytes
            ? value
            : throw new UsageException($"the value from {source} is larger than {MaxBytes / 1024} KiB", "the gateway stores values of at most 64 KiB");
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return ReadAtMost(file, MaxBytes + 2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read";
            throw new UsageException($"--from-file: `{path}` {why}", $"relative paths start at {Environment.CurrentDirectory}");
        }
    }

    // Reads no more than the limit (plus a newline), so a mistaken pipe of a huge file fails fast.
    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new UsageException($"the value is larger than {MaxBytes / 1024} KiB", "the gateway stores values of at most 64 KiB");
            }
        }

        return buffer.ToArray();
    }
}
