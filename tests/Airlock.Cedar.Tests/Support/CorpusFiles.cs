using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Airlock.Cedar.Tests.Support;

/// <summary>Reads the text files of the conformance corpus archive in place, keyed by their path under <c>dev/</c>.</summary>
internal static class CorpusFiles
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(Load);

    public static IReadOnlyDictionary<string, string> All => Files.Value;

    private static Dictionary<string, string> Load()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = File.OpenRead(RepositoryPaths.CorpusArchive);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            var name = entry.Name.StartsWith("dev/", StringComparison.Ordinal) ? entry.Name[4..] : entry.Name;
            files[name] = reader.ReadToEnd();
        }

        return files;
    }
}
