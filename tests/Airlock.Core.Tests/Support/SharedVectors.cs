namespace Airlock.Core.Tests.Support;

/// <summary>
/// Finds <c>shared/vectors</c> by walking up from the test binaries, so the tests run from any checkout beside the
/// shared folder. A missing folder is an error, never a silent skip.
/// </summary>
public static class SharedVectors
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The vectors folder (read only).</summary>
    public static string Directory => Root.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    /// <summary>Every JSON file under a folder of the vectors, relative to the vectors folder, sorted.</summary>
    public static TheoryData<string> JsonFiles(string folder)
    {
        var root = Path(folder);
        if (!System.IO.Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"test vectors missing: {root}");
        }

        var files = System.IO.Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Directory, f))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"no test vectors in {root}");
        }

        return new TheoryData<string>(files);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "vectors");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"cannot find shared/vectors in any folder above {AppContext.BaseDirectory}; the Merkle tests need the RFC 9162 vectors");
    }
}
