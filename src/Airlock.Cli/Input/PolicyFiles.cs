namespace Airlock.Cli.Input;

/// <summary>Expands a <c>--policies</c> argument into the <c>.cedar</c> files it names.</summary>
internal static class PolicyFiles
{
    /// <summary>The file itself, or every <c>*.cedar</c> file directly in the directory, sorted by name so that policy ids are stable.</summary>
    public static IReadOnlyList<string> Expand(string path, string option)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw InputFile.NotFound(path, option);
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(path, "*.cedar", SearchOption.TopDirectoryOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot list `{path}`: {e.Message}", "check that the directory is readable");
        }

        // GetFiles' pattern also matches names such as `x.cedarx` on some platforms; keep exact extensions only.
        var cedar = files
            .Where(f => f.EndsWith(".cedar", StringComparison.Ordinal))
            .Select(f => Path.Join(path, Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return cedar.Count > 0
            ? cedar
            : throw new UsageException($"{option}: directory `{path}` has no `.cedar` files", "policy files must end in `.cedar`; subdirectories are not searched");
    }
}
