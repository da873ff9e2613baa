namespace Airlock.Cli.Input;

/// <summary>Reads the files named on the command line, turning every I/O failure into a <see cref="UsageException"/> that names the option and the path.</summary>
internal static class InputFile
{
    /// <summary>Returns the text of <paramref name="path"/>, given to <paramref name="option"/>, or explains why it cannot be read.</summary>
    public static string ReadText(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option}: `{path}` is a directory, not a file", $"pass the path of a file to {option}");
        }

        if (!File.Exists(path))
        {
            throw NotFound(path, option);
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot read `{path}`: {e.Message}", "check that the file exists and is readable");
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file, so that a failure never leaves half a file behind.</summary>
    public static void WriteTextAtomically(string path, string text)
    {
        // Write through a symbolic link to its target, and keep the file's permissions, as an in-place edit would.
        var full = Path.GetFullPath(path);
        full = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new UsageException($"cannot write `{path}`: {e.Message}", "check that the file and its directory are writable");
        }
    }

    /// <summary>The error for a path that names nothing, with the working directory relative paths start from.</summary>
    public static UsageException NotFound(string path, string option) =>
        new($"{option}: `{path}` does not exist", $"check the path; relative paths start at `{Environment.CurrentDirectory}`");
}
