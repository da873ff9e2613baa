using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Airlock.Cedar.Tests.Validation;

/// <summary>The official conformance corpus, read in place from its archive next to the repository.</summary>
internal sealed class CorpusArchive
{
    private readonly Dictionary<string, string> files;

    private CorpusArchive(Dictionary<string, string> files) => this.files = files;

    /// <summary>The archive's text files, keyed by their path below <c>dev/</c>.</summary>
    public IReadOnlyDictionary<string, string> Files => files;

    public static CorpusArchive Load()
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "cedar-corpus", "cedar-4.10-dev.tar.gz");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            var name = entry.Name.StartsWith("dev/", StringComparison.Ordinal) ? entry.Name["dev/".Length..] : entry.Name;
            files[name] = reader.ReadToEnd();
        }

        return new CorpusArchive(files);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Airlock.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Airlock.slnx) above " + AppContext.BaseDirectory);
    }
}
