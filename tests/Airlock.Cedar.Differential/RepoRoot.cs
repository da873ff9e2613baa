namespace Airlock.Cedar.Differential;

/// <summary>Finds the repository root (the folder holding <c>Airlock.slnx</c>) from wherever a build output runs.</summary>
public static class RepoRoot
{
    /// <summary>The repository root, found by walking up from the running assembly's folder, then from the current directory.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Airlock.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("no Airlock.slnx above the build output or the current directory");
    }
}
