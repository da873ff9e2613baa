using System.Security.Cryptography;
using System.Text;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Secrets;

public sealed class SecretSealerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TestData _data = new();
    private readonly KeyEncryptionKey _kek;

    public SecretSealerTests() => _kek = new KeyEncryptionKey(_data.Bytes(32));

    public void Dispose() => _kek.Dispose();

    [Fact]
    public void Seal_ThenOpen_RoundTrips()
    {
        var value = Encoding.UTF8.GetBytes(_data.Word(40));

        var sealedVersion = SecretSealer.Seal("github_token", 3, value, _kek, Now);

        Assert.Equal("A256GCM-envelope-v1", sealedVersion.Algorithm);
        Assert.Equal(_kek.Id, sealedVersion.KeyEncryptionKeyId);
        Assert.Equal(("github_token", 3, Now), (sealedVersion.Name, sealedVersion.Version, sealedVersion.CreatedAt));
        Assert.Equal(12 + 32 + 16, sealedVersion.WrappedDataKey.Length);
        Assert.Equal(12 + value.Length + 16, sealedVersion.Ciphertext.Length);
        Assert.Equal(value, SecretSealer.Open(sealedVersion, _kek));
    }

    [Fact]
    public void Seal_CiphertextDoesNotContainThePlaintext()
    {
        var value = Encoding.UTF8.GetBytes(_data.Word(40));

        var sealedVersion = SecretSealer.Seal("s", 1, value, _kek, Now);

        Assert.Equal(-1, sealedVersion.Ciphertext.AsSpan().IndexOf(value.AsSpan(0, 8)));
    }

    [Theory]
    [InlineData("github_token2", 1)]
    [InlineData("github_toke", 1)]
    [InlineData("github_token", 2)]
    public void Open_RowMovedToAnotherNameOrVersion_Fails(string otherName, int otherVersion)
    {
        var original = SecretSealer.Seal("github_token", 1, Encoding.UTF8.GetBytes(_data.Word(40)), _kek, Now);

        var moved = original with { Name = otherName, Version = otherVersion };

        var e = Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(moved, _kek));
        Assert.Equal((otherName, otherVersion), (e.SecretName, e.Version));
    }

    [Fact]
    public void Open_CiphertextFromAnotherRowWithItsOwnWrappedKey_Fails()
    {
        var a = SecretSealer.Seal("a", 1, Encoding.UTF8.GetBytes(_data.Word(40)), _kek, Now);
        var b = SecretSealer.Seal("b", 1, Encoding.UTF8.GetBytes(_data.Word(40)), _kek, Now);

        Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(b with { Ciphertext = a.Ciphertext }, _kek));
        Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(b with { WrappedDataKey = a.WrappedDataKey }, _kek));
        Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(a with { Name = "b", WrappedDataKey = b.WrappedDataKey }, _kek));
    }

    [Fact]
    public void Open_AnyFlippedBit_Fails()
    {
        var sealedVersion = SecretSealer.Seal("s", 1, Encoding.UTF8.GetBytes(_data.Word(20)), _kek, Now);

        for (var i = 0; i < sealedVersion.Ciphertext.Length; i++)
        {
            var tampered = (byte[])sealedVersion.Ciphertext.Clone();
            tampered[i] ^= (byte)(1 << (i % 8));
            Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(sealedVersion with { Ciphertext = tampered }, _kek));
        }

        for (var i = 0; i < sealedVersion.WrappedDataKey.Length; i++)
        {
            var tampered = (byte[])sealedVersion.WrappedDataKey.Clone();
            tampered[i] ^= 0x80;
            Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(sealedVersion with { WrappedDataKey = tampered }, _kek));
        }
    }

    [Fact]
    public void Open_WrongKey_FailsWithoutData()
    {
        var value = _data.Word(40);
        var sealedVersion = SecretSealer.Seal("s", 1, Encoding.UTF8.GetBytes(value), _kek, Now);
        using var other = new KeyEncryptionKey(_data.Bytes(32));

        var e = Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(sealedVersion, other));

        Assert.Equal("secret `s` version 1 cannot be decrypted: its data key does not open under this key-encryption key", e.Message);
    }

    [Fact]
    public void Open_UnknownAlgorithmOrTruncatedBlob_Fails()
    {
        var sealedVersion = SecretSealer.Seal("s", 1, Encoding.UTF8.GetBytes(_data.Word(40)), _kek, Now);

        Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(sealedVersion with { Algorithm = "A128GCM-envelope-v1" }, _kek));
        Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(sealedVersion with { Ciphertext = sealedVersion.Ciphertext[..27] }, _kek));
        Assert.Throws<SecretDecryptionException>(() => SecretSealer.Open(sealedVersion with { WrappedDataKey = sealedVersion.WrappedDataKey[..59] }, _kek));
    }

    [Fact]
    public void Seal_EveryVersionGetsItsOwnDataKeyAndNonces()
    {
        var value = Encoding.UTF8.GetBytes(_data.Word(40));
        var versions = Enumerable.Range(1, 50).Select(v => SecretSealer.Seal("s", v, value, _kek, Now)).ToArray();

        var dataKeys = versions.Select(v => Convert.ToHexString(UnwrapDataKey(v))).ToHashSet();
        var nonces = versions.SelectMany(v => new[] { v.Ciphertext[..12], v.WrappedDataKey[..12] }).Select(Convert.ToHexString).ToHashSet();

        Assert.Equal(50, dataKeys.Count);
        Assert.Equal(100, nonces.Count);
    }

    [Fact]
    public void AssociatedData_LengthPrefixKeepsNamesAndVersionsApart()
    {
        // Without a length prefix "a" + version 0x31… and "a1" + … could share bytes; with it they cannot.
        var pairs = new[] { ("a", 1), ("a1", 1), ("a", 11), ("", 1), ("a\0", 1) };
        var encodings = pairs
            .SelectMany(p => new[] { SecretSealer.Purpose.Value, SecretSealer.Purpose.DataKey }.Select(purpose => SecretSealer.AssociatedData(purpose, p.Item1, p.Item2)))
            .Select(Convert.ToHexString)
            .ToHashSet();

        Assert.Equal(pairs.Length * 2, encodings.Count);
    }

    private byte[] UnwrapDataKey(SealedSecretVersion v)
    {
        var dataKey = new byte[32];
        using var aes = new AesGcm(_kek.Bytes, 16);
        aes.Decrypt(v.WrappedDataKey[..12], v.WrappedDataKey[12..44], v.WrappedDataKey[44..], dataKey, SecretSealer.AssociatedData(SecretSealer.Purpose.DataKey, v.Name, v.Version));
        return dataKey;
    }
}
