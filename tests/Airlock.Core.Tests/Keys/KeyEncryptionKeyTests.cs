using System.Runtime.InteropServices;
using Airlock.Core.Keys;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Keys;

public sealed class KeyEncryptionKeyTests
{
    [Fact]
    public void Id_IsAFingerprintThatDependsOnTheKey()
    {
        var data = new TestData();
        var bytes = data.Bytes(32);
        using var a = new KeyEncryptionKey(bytes);
        using var b = new KeyEncryptionKey(bytes);
        bytes[0] ^= 1;
        using var c = new KeyEncryptionKey(bytes);

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^kek-[0-9a-f]{16}$", a.Id);
        Assert.Equal($"KeyEncryptionKey({a.Id})", a.ToString());
    }

    [Fact]
    public void Dispose_ZeroesTheKeyAndRefusesFurtherUse()
    {
        var key = new KeyEncryptionKey(new TestData().Bytes(32));
        ref readonly var first = ref MemoryMarshal.GetReference(key.Bytes);
        Assert.NotEqual(32, MemoryMarshal.CreateReadOnlySpan(in first, 32).Count((byte)0));

        key.Dispose();

        // The key lives in a pinned array, so the reference taken before still points at it.
        Assert.Equal(32, MemoryMarshal.CreateReadOnlySpan(in first, 32).Count((byte)0));
        Assert.Throws<ObjectDisposedException>(() => key.Bytes.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(64)]
    public void Constructor_WrongLength_Throws(int length) =>
        Assert.Throws<ArgumentException>(() => new KeyEncryptionKey(new byte[length]));
}
