using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Airlock.Cedar.Conformance.Corpus;

/// <summary>Every file of a corpus held in memory, keyed by its '/'-separated path relative to the folder or archive root.</summary>
public sealed class CorpusFiles
{
    private readonly Dictionary<string, string> files;

    private CorpusFiles(Dictionary<string, string> files) => this.files = files;

    /// <summary>All file paths.</summary>
    public IEnumerable<string> Paths => files.Keys;

    /// <summary>Loads a corpus folder, or a <c>.tar.gz</c> archive read in place.</summary>
    public static CorpusFiles Load(string path)
    {
        if (Directory.Exists(path))
        {
            return FromFolder(path);
        }

        if (File.Exists(path) && (path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)))
        {
            return FromArchive(path);
        }

        throw new FileNotFoundException($"no corpus folder or .tar.gz archive at `{path}`", path);
    }

    /// <summary>The text of a file, or null when the corpus has no such file.</summary>
    public string? Read(string path) => files.GetValueOrDefault(path);

    public bool Contains(string path) => files.ContainsKey(path);

    private static CorpusFiles FromFolder(string root)
    {
        var all = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToArray();
        var texts = new string[all.Length];
        Parallel.For(0, all.Length, i => texts[i] = File.ReadAllText(all[i], Encoding.UTF8));
        var files = new Dictionary<string, string>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            files[Path.GetRelativePath(root, all[i]).Replace('\\', '/')] = texts[i];
        }

        return new CorpusFiles(files);
    }

    private static CorpusFiles FromArchive(string archive)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        // Inflated whole first: the tar reader's many small reads straight from the inflater cost twice as much.
        using var tarBytes = new MemoryStream();
        using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
        {
            gzip.CopyTo(tarBytes);
        }

        tarBytes.Position = 0;
        using var tar = new TarReader(tarBytes);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            files[name] = reader.ReadToEnd();
        }

        return new CorpusFiles(files);
    }
}
