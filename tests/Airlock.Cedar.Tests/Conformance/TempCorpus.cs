namespace Airlock.Cedar.Tests.Conformance;

/// <summary>A corpus folder on a temporary path, deleted on dispose.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus(IReadOnlyDictionary<string, string> files)
    {
        Root = Directory.CreateTempSubdirectory("airlock-corpus-").FullName;
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
