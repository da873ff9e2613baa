using System.Globalization;
using Airlock.Storage.Sqlite;
using Airlock.Storage.Tests.Support;

namespace Airlock.Storage.Tests.Sqlite;

/// <summary>
/// A deleted secret's wrapped key and ciphertext must not survive anywhere in the data directory: not in the
/// database's free pages, not in the WAL. Distinctive 32-byte markers are generated from a printed seed (set
/// AIRLOCK_TEST_SEED to replay one), written inside the blobs, and searched for byte by byte in every file.
/// </summary>
public sealed class SecureDeleteTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Delete_LeavesNoByteOfAnyVersionInTheDataDirectory()
    {
        var random = new Random(Seed());
        var markers = Enumerable.Range(0, 4).Select(_ => Marker(random)).ToArray();
        // Version 1 fits in its table page; version 2's ciphertext spills onto overflow pages.
        var v1 = Some.SecretVersion("doomed", 1) with { WrappedDataKey = Embed(markers[0], 60), Ciphertext = Embed(markers[1], 200) };
        var v2 = Some.SecretVersion("doomed", 2) with { WrappedDataKey = Embed(markers[2], 60), Ciphertext = Embed(markers[3], 20_000) };

        await using (var store = SqliteAirlockStore.Open(directory.Path))
        {
            await store.MigrateAsync(Ct);
            await store.Secrets.TryInsertVersionAsync(Some.SecretVersion("before", 1), Ct);
            await store.Secrets.TryInsertVersionAsync(v1, Ct);
            await store.Secrets.TryInsertVersionAsync(v2, Ct);
            await store.Secrets.TryInsertVersionAsync(Some.SecretVersion("after", 1), Ct);

            // The scan can see the markers while they are stored: it is not vacuously passing.
            Assert.All(markers, m => Assert.NotEmpty(FilesContaining(m)));

            Assert.True(await store.Secrets.DeleteAsync("doomed", Ct));

            // Already gone while the store stays open: the delete checkpointed and truncated the WAL.
            Assert.All(markers, m => Assert.Empty(FilesContaining(m)));
        }

        Assert.All(markers, m => Assert.Empty(FilesContaining(m)));

        await using (var reopened = SqliteAirlockStore.Open(directory.Path))
        {
            Assert.Equal(["after", "before"], (await reopened.Secrets.ListAsync(Ct)).Select(s => s.Name));
        }
    }

    private static int Seed()
    {
        var text = Environment.GetEnvironmentVariable("AIRLOCK_TEST_SEED");
        var seed = text is null ? Random.Shared.Next() : int.Parse(text, CultureInfo.InvariantCulture);
        TestContext.Current.TestOutputHelper?.WriteLine($"marker seed: {seed} (replay with AIRLOCK_TEST_SEED={seed})");
        return seed;
    }

    private static byte[] Marker(Random random)
    {
        var marker = new byte[32];
        random.NextBytes(marker);
        return marker;
    }

    /// <summary>A blob of <paramref name="length"/> counter bytes with the marker in the middle.</summary>
    private static byte[] Embed(byte[] marker, int length)
    {
        var blob = Some.Bytes(length);
        marker.CopyTo(blob, (length - marker.Length) / 2);
        return blob;
    }

    private string[] FilesContaining(byte[] marker) =>
        [.. Directory.EnumerateFiles(directory.Path).Where(path => ReadShared(path).AsSpan().IndexOf(marker) >= 0).Select(Path.GetFileName)!];

    private static byte[] ReadShared(string path)
    {
        // SQLite holds the files open; share them for reading, as a backup tool or an attacker would.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
