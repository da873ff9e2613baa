using System.Runtime.Versioning;
using System.Text;
using Airlock.Core.Keys;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Keys;

// Unix modes are the point of most of these tests; on Windows they skip.
[UnsupportedOSPlatform("windows")]
public sealed class FileKeyProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Create_WritesAKeyThatReadsBack()
    {
        var path = _dir.File("kek");
        var provider = FileKeyProvider.Create(path);

        using var first = await provider.GetKeyAsync(Ct);
        using var second = await new FileKeyProvider(path).GetKeyAsync(Ct);
        Assert.Equal(first.Id, second.Id);
        Assert.Matches("^kek-[0-9a-f]{16}$", first.Id);
        Assert.Equal(45, File.ReadAllBytes(path).Length); // 44 base64 characters and a newline
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public void Create_FileHasMode0600()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = _dir.File("kek");
        var provider = FileKeyProvider.Create(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal($"file {path} (mode 0600)", provider.Describe());
    }

    [Fact]
    public void Create_ExistingFile_RefusesAndLeavesItAlone()
    {
        var path = _dir.File("kek");
        FileKeyProvider.Create(path);
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<KeyProviderException>(() => FileKeyProvider.Create(path));

        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task GetKey_MissingFile_SaysToRunInit()
    {
        var path = _dir.File("nope");

        var e = await Assert.ThrowsAsync<KeyProviderException>(() => new FileKeyProvider(path).GetKeyAsync(Ct));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("airlock init", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherWrite, "0402")]
    public async Task GetKey_GroupOrOtherPermission_Refused(UnixFileMode mode, string octal)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = _dir.File("kek");
        FileKeyProvider.Create(path);
        File.SetUnixFileMode(path, mode);

        var e = await Assert.ThrowsAsync<KeyProviderException>(() => new FileKeyProvider(path).GetKeyAsync(Ct));

        Assert.Contains($"mode {octal}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {path}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKey_Mode0400_Accepted()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = _dir.File("kek");
        FileKeyProvider.Create(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        using var key = await new FileKeyProvider(path).GetKeyAsync(Ct);

        Assert.StartsWith("kek-", key.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKey_Unreadable_SaysSo()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Assert.SkipWhen(Environment.UserName == "root", "root reads any file");
        var path = _dir.File("kek");
        FileKeyProvider.Create(path);
        File.SetUnixFileMode(path, UnixFileMode.None);

        var e = await Assert.ThrowsAsync<KeyProviderException>(() => new FileKeyProvider(path).GetKeyAsync(Ct));

        Assert.Contains("cannot read", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all!", "not valid base64")]
    [InlineData("", "empty")]
    [InlineData("AAAA\nAAAA", "more than one line")]
    public async Task GetKey_MalformedText_Refused(string text, string problem)
    {
        var e = await Assert.ThrowsAsync<KeyProviderException>(() => ProviderWith(Encoding.ASCII.GetBytes(text)).GetKeyAsync(Ct));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task GetKey_WrongLength_RefusedWithoutQuotingTheFile(int length)
    {
        var data = new TestData();
        var text = Convert.ToBase64String(data.Bytes(length));

        var e = await Assert.ThrowsAsync<KeyProviderException>(() => ProviderWith(Encoding.ASCII.GetBytes(text + "\n")).GetKeyAsync(Ct));

        Assert.Contains($"decodes to {length} bytes", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKey_Directory_Refused()
    {
        var e = await Assert.ThrowsAsync<KeyProviderException>(() => new FileKeyProvider(_dir.Path).GetKeyAsync(Ct));

        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
    }

    private FileKeyProvider ProviderWith(byte[] content)
    {
        var path = _dir.File("kek");
        File.WriteAllBytes(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new FileKeyProvider(path);
    }
}
