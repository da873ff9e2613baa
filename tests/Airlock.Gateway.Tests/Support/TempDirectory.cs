namespace Airlock.Gateway.Tests.Support;

internal static class TempDirectory
{
    public static string Create() => Directory.CreateTempSubdirectory("airlock-gw-").FullName;

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is not a test failure.
        }
    }
}
