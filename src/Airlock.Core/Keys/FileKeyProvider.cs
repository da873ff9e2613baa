using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Airlock.Core.Keys;

/// <summary>
/// Reads the key-encryption key from a file holding it as one line of base64, as <c>airlock init</c> writes it.
/// Like ssh with a private key, it refuses a file that any group or other user may read or write.
/// </summary>
public sealed class FileKeyProvider : IKeyEncryptionKeyProvider
{
    // A key file is 45 bytes; a larger file is not a key file and is not read into memory.
    private const int MaxFileBytes = 4096;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public FileKeyProvider(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The absolute path of the key file.</summary>
    public string Path { get; }

    /// <summary>
    /// Writes a fresh random key to <paramref name="path"/> with mode 0600, atomically (a temporary file in the
    /// same folder, renamed into place), and refuses to replace an existing file: replacing a key-encryption key
    /// makes every secret sealed under it unreadable.
    /// </summary>
    public static FileKeyProvider Create(string path)
    {
        var provider = new FileKeyProvider(path);
        var full = provider.Path;
        if (File.Exists(full) || Directory.Exists(full))
        {
            throw AlreadyExists(full);
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temporary = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        Span<byte> key = stackalloc byte[KeyEncryptionKey.KeySize];
        RandomNumberGenerator.Fill(key);
        var text = KeyText.Encode(key);
        CryptographicOperations.ZeroMemory(key);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerReadWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                if (!OperatingSystem.IsWindows())
                {
                    // The umask may only have removed bits, but say exactly what the file is.
                    File.SetUnixFileMode(stream.SafeFileHandle, OwnerReadWrite);
                }

                stream.Write(text);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                throw AlreadyExists(full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyProviderException(
                $"cannot create the key-encryption key file {full}: {e.Message}; make its folder writable by the user Airlock runs as, or choose another path",
                e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
            File.Delete(temporary);
        }

        return provider;
    }

    public string Describe()
    {
        if (!OperatingSystem.IsWindows() && File.Exists(Path))
        {
            return $"file {Path} (mode {Octal(File.GetUnixFileMode(Path))})";
        }

        return $"file {Path}";
    }

    public Task<KeyEncryptionKey> GetKeyAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Read());
    }

    private KeyEncryptionKey Read()
    {
        if (Directory.Exists(Path))
        {
            throw new KeyProviderException($"the key-encryption key path {Path} is a folder, not a file; point Airlock at the key file `airlock init` wrote");
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyProviderException(
                $"no key-encryption key file at {Path}; run `airlock init` to create one, or point Airlock at the file it created",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(e);
        }

        using (handle)
        {
            // Check the mode of the file actually opened, so that it cannot be swapped between check and read.
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(handle);
                if ((mode & GroupOrOther) != 0)
                {
                    throw new KeyProviderException(
                        $"the key-encryption key file {Path} has mode {Octal(mode)}, which lets other users read or change it; " +
                        $"run `chmod 600 {Path}` and start Airlock again");
                }
            }

            byte[] buffer;
            int read;
            try
            {
                var length = RandomAccess.GetLength(handle);
                if (length > MaxFileBytes)
                {
                    throw Malformed($"it is {length.ToString(CultureInfo.InvariantCulture)} bytes long, far more than one base64 key");
                }

                buffer = GC.AllocateArray<byte>((int)length, pinned: true);
                read = RandomAccess.Read(handle, buffer, 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Unreadable(e);
            }

            try
            {
                return KeyText.TryDecode(buffer.AsSpan(0, read), out var problem) ?? throw Malformed(problem!);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
    }

    private KeyProviderException Unreadable(Exception e) => new(
        $"cannot read the key-encryption key file {Path}: {e.Message}; it must be readable by the user Airlock runs as (owned by that user, `chmod 600 {Path}`)",
        e);

    private KeyProviderException Malformed(string problem) => new(
        $"the key-encryption key file {Path} is not a key: {problem}; it must hold one line of base64 encoding 32 random bytes, " +
        "as `airlock init` writes it. Restore the original file from your backup; a new key cannot open secrets sealed under the old one");

    private static KeyProviderException AlreadyExists(string path) => new(
        $"{path} already exists; Airlock will not overwrite a key-encryption key, because every secret sealed under it would become unreadable. " +
        "Use the existing key, or move the file away yourself first");

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
