using System.Text;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Secrets;

public sealed class VaultTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly InMemoryAirlockStore _store = new();
    private readonly ManualTimeProvider _time = new();
    private readonly KeyEncryptionKey _kek;
    private readonly Vault _vault;

    public VaultTests()
    {
        _kek = new KeyEncryptionKey(_data.Bytes(32));
        _vault = new Vault(_store, _kek, _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _kek.Dispose();

    [Fact]
    public async Task Create_ThenReveal_ReturnsTheValueAsUtf8()
    {
        var value = _data.Word(40) + "é€";

        var summary = await _vault.CreateAsync("github_token", value, Ct);

        Assert.Equal(new SecretSummary("github_token", 1, 1, _time.GetUtcNow(), _time.GetUtcNow()), summary);
        Assert.Equal(value, Encoding.UTF8.GetString(await _vault.RevealAsync("github_token", ct: Ct)));
        Assert.True(await _vault.ExistsAsync("github_token", Ct));
        Assert.False(await _vault.ExistsAsync("gitlab_token", Ct));
    }

    [Fact]
    public async Task Create_StoresOnlySealedBytes()
    {
        var value = _data.Word(40);

        await _vault.CreateAsync("k", value, Ct);

        var row = Assert.Single(_store.SecretRows.Rows("k"));
        Assert.Equal(-1, row.Ciphertext.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value).AsSpan(0, 8)));
        Assert.Equal(_kek.Id, row.KeyEncryptionKeyId);
    }

    [Fact]
    public async Task Create_ExistingName_AlreadyExists()
    {
        await _vault.CreateAsync("k", _data.Word(40), Ct);

        var e = await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync("k", _data.Word(40), Ct));

        Assert.Equal(VaultError.AlreadyExists, e.Error);
    }

    [Fact]
    public async Task Rotate_AddsAVersionAndKeepsTheOldOne()
    {
        var v1 = _data.Word(40);
        var v2 = _data.Word(40);
        var created = _time.GetUtcNow();
        await _vault.CreateAsync("k", v1, Ct);
        _time.Advance(TimeSpan.FromHours(1));

        var summary = await _vault.RotateAsync("k", v2, Ct);

        Assert.Equal(new SecretSummary("k", 2, 2, created, _time.GetUtcNow()), summary);
        Assert.Equal(v2, Encoding.UTF8.GetString(await _vault.RevealAsync("k", ct: Ct)));
        Assert.Equal(v1, Encoding.UTF8.GetString(await _vault.RevealAsync("k", 1, Ct)));
        var missing = await Assert.ThrowsAsync<VaultException>(() => _vault.RevealAsync("k", 3, Ct));
        Assert.Equal(VaultError.NotFound, missing.Error);
    }

    [Fact]
    public async Task Rotate_Absent_NotFound()
    {
        var e = await Assert.ThrowsAsync<VaultException>(() => _vault.RotateAsync("k", _data.Word(40), Ct));

        Assert.Equal(VaultError.NotFound, e.Error);
    }

    [Fact]
    public async Task Rotate_Concurrently_EveryRotationGetsItsOwnVersion()
    {
        await _vault.CreateAsync("k", _data.Word(40), Ct);
        var values = Enumerable.Range(0, 6).Select(_ => _data.Word(40)).ToArray();

        var summaries = await Task.WhenAll(values.Select(v => Task.Run(() => _vault.RotateAsync("k", v, Ct), Ct)));

        Assert.Equal([2, 3, 4, 5, 6, 7], summaries.Select(s => s.CurrentVersion).Order());
    }

    [Fact]
    public async Task Delete_RemovesEveryVersion()
    {
        await _vault.CreateAsync("k", _data.Word(40), Ct);
        await _vault.RotateAsync("k", _data.Word(40), Ct);

        Assert.True(await _vault.DeleteAsync("k", Ct));
        Assert.False(await _vault.DeleteAsync("k", Ct));

        Assert.False(await _vault.ExistsAsync("k", Ct));
        Assert.Null(await _store.Secrets.GetVersionAsync("k", 1, Ct));
        var e = await Assert.ThrowsAsync<VaultException>(() => _vault.RevealAsync("k", ct: Ct));
        Assert.Equal(VaultError.NotFound, e.Error);
    }

    [Fact]
    public async Task List_IsOrderedAndHidesInternalNames()
    {
        await _vault.InitializeAsync(Ct);
        await _vault.PutInternalAsync("airlock:signing:es256-x", _data.Bytes(100), Ct);
        await _vault.CreateAsync("zeta", _data.Word(40), Ct);
        await _vault.CreateAsync("alpha", _data.Word(40), Ct);

        var list = await _vault.ListAsync(Ct);

        Assert.Equal(["alpha", "zeta"], list.Select(s => s.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("_leading")]
    [InlineData("-leading")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("colon:name")]
    [InlineData("ümlaut")]
    [InlineData("airlock:kek-check")]
    [InlineData("airlock:signing:es256-abc")]
    public async Task InvalidOrInternalNames_AreRefusedEverywhere(string name)
    {
        var value = _data.Word(40);
        await _vault.InitializeAsync(Ct);

        Assert.Equal(VaultError.InvalidName, (await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync(name, value, Ct))).Error);
        Assert.Equal(VaultError.InvalidName, (await Assert.ThrowsAsync<VaultException>(() => _vault.RotateAsync(name, value, Ct))).Error);
        Assert.Equal(VaultError.InvalidName, (await Assert.ThrowsAsync<VaultException>(() => _vault.DeleteAsync(name, Ct))).Error);
        Assert.Equal(VaultError.InvalidName, (await Assert.ThrowsAsync<VaultException>(() => _vault.RevealAsync(name, ct: Ct))).Error);
        Assert.False(await _vault.ExistsAsync(name, Ct));
        await _vault.VerifyKeyAsync(Ct); // the key check is untouched
    }

    [Fact]
    public async Task Names_UpTo128CharactersOfTheAllowedSet_AreAccepted()
    {
        var longest = "A" + new string('z', 127);

        await _vault.CreateAsync("a", _data.Word(40), Ct);
        await _vault.CreateAsync("Az09_.-", _data.Word(40), Ct);
        await _vault.CreateAsync(longest, _data.Word(40), Ct);

        var e = await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync(longest + "z", _data.Word(40), Ct));
        Assert.Equal(VaultError.InvalidName, e.Error);
    }

    [Fact]
    public async Task Values_EmptyTooLargeOrBrokenUnicode_AreRefused()
    {
        var limit = new string('x', 64 * 1024);
        var multiByte = new string('é', (64 * 1024 / 2) + 1); // 32,769 characters, 65,538 UTF-8 bytes

        await _vault.CreateAsync("limit", limit, Ct);
        Assert.Equal(VaultError.InvalidValue, (await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync("empty", "", Ct))).Error);
        Assert.Equal(VaultError.InvalidValue, (await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync("over", limit + "x", Ct))).Error);
        Assert.Equal(VaultError.InvalidValue, (await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync("bytes", multiByte, Ct))).Error);
        Assert.Equal(VaultError.InvalidValue, (await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync("surrogate", "a\ud800b", Ct))).Error);
        Assert.Equal(VaultError.InvalidValue, (await Assert.ThrowsAsync<VaultException>(() => _vault.RotateAsync("limit", "", Ct))).Error);
    }

    [Fact]
    public async Task Errors_NeverContainTheValue()
    {
        var value = _data.Word(40);
        await _vault.CreateAsync("k", value, Ct);

        var e = await Assert.ThrowsAsync<VaultException>(() => _vault.CreateAsync("k", value, Ct));

        Assert.DoesNotContain(value, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_PutRevealDelete()
    {
        var first = _data.Bytes(121);
        var second = _data.Bytes(121);

        await _vault.PutInternalAsync("airlock:signing:es256-abc", first, Ct);
        await _vault.PutInternalAsync("airlock:signing:es256-abc", second, Ct);

        Assert.Equal(second, await _vault.RevealInternalAsync("airlock:signing:es256-abc", ct: Ct));
        Assert.Equal(first, await _vault.RevealInternalAsync("airlock:signing:es256-abc", 1, Ct));
        Assert.True(await _vault.DeleteInternalAsync("airlock:signing:es256-abc", Ct));
    }

    [Theory]
    [InlineData("github_token")]
    [InlineData("airlock:")]
    [InlineData("airlock:../../etc/passwd")]
    [InlineData("Airlock:x")]
    public async Task Internal_NamesWithoutThePrefixOrWithOddCharacters_AreRefused(string name)
    {
        var e = await Assert.ThrowsAsync<VaultException>(() => _vault.PutInternalAsync(name, _data.Bytes(8), Ct));

        Assert.Equal(VaultError.InvalidName, e.Error);
    }

    [Fact]
    public async Task Reveal_RowSwappedByTheStore_Fails()
    {
        await _vault.CreateAsync("a", _data.Word(40), Ct);
        await _vault.CreateAsync("b", _data.Word(40), Ct);

        // An attacker with write access to the database copies b's blobs into a's row.
        var rowsA = _store.SecretRows.Rows("a");
        var rowB = _store.SecretRows.Rows("b")[0];
        rowsA[0] = rowsA[0] with { WrappedDataKey = rowB.WrappedDataKey, Ciphertext = rowB.Ciphertext };

        await Assert.ThrowsAsync<SecretDecryptionException>(() => _vault.RevealAsync("a", ct: Ct));
    }

    [Fact]
    public async Task VerifyKey_RightKey_Passes_WrongKey_NamesBothIds()
    {
        await _vault.InitializeAsync(Ct);
        await _vault.VerifyKeyAsync(Ct);
        await _vault.InitializeAsync(Ct); // idempotent

        using var other = new KeyEncryptionKey(_data.Bytes(32));
        var wrong = new Vault(_store, other, _time);

        var e = await Assert.ThrowsAsync<KeyMismatchException>(() => wrong.VerifyKeyAsync(Ct));
        Assert.Equal((other.Id, _kek.Id), (e.KeyId, e.SealedWithKeyId));
        Assert.Contains($"(id {other.Id})", e.Message, StringComparison.Ordinal);
        Assert.Contains($"sealed with key id {_kek.Id}", e.Message, StringComparison.Ordinal);
        Assert.Contains("airlock init", e.Message, StringComparison.Ordinal);

        // Initializing again with the wrong key fails too, rather than mixing two keys in one directory.
        await Assert.ThrowsAsync<KeyMismatchException>(() => wrong.InitializeAsync(Ct));
    }

    [Fact]
    public async Task VerifyKey_NotInitialized_SaysToRunInit()
    {
        var e = await Assert.ThrowsAsync<VaultNotInitializedException>(() => _vault.VerifyKeyAsync(Ct));

        Assert.Contains("airlock init", e.Message, StringComparison.Ordinal);
    }
}
