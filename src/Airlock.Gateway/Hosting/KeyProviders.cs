using Airlock.Core.Keys;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// Chooses where the key-encryption key comes from: the <c>AIRLOCK_KEK</c> environment variable when it is
/// set (for deployments that inject it from a secret manager), otherwise the file <c>kek</c> that
/// <c>airlock init</c> wrote into the data directory.
/// </summary>
public static class KeyProviders
{
    public const string EnvironmentVariable = "AIRLOCK_KEK";
    public const string FileName = "kek";

    public static bool UsesEnvironment => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static string KeyFilePath(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static IKeyEncryptionKeyProvider For(string dataDirectory) =>
        UsesEnvironment ? new EnvironmentKeyProvider(EnvironmentVariable) : new FileKeyProvider(KeyFilePath(dataDirectory));
}
