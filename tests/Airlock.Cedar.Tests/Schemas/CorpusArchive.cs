using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Airlock.Cedar.Tests.Schemas;

/// <summary>Reads files out of the official Cedar corpus archive in place, without extracting it.</summary>
internal static class CorpusArchive
{
    /// <summary>The archive's location: <c>../shared/cedar-corpus/cedar-4.10-dev.tar.gz</c> beside the repository root.</summary>
    public static string ArchivePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Airlock.slnx")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "cedar-corpus", "cedar-4.10-dev.tar.gz"));
        }
    }

    /// <summary>Every regular file whose path satisfies <paramref name="select"/>, as (path, text).</summary>
    public static IEnumerable<(string Path, string Text)> Files(Func<string, bool> select)
    {
        using var file = File.OpenRead(ArchivePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null || !select(entry.Name))
            {
                continue;
            }

            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            yield return (entry.Name, reader.ReadToEnd());
        }
    }
}
