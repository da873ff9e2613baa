namespace Airlock.Cedar.Tests.Support;

/// <summary>Locates the repository root and the shared data beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string CorpusArchive => Path.Combine(Root, "..", "shared", "cedar-corpus", "cedar-4.10-dev.tar.gz");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Airlock.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find Airlock.slnx above the test binaries");
    }
}
