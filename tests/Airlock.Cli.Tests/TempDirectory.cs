namespace Airlock.Cli.Tests;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "airlock-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> inside the directory and returns the name.</summary>
    public string Write(string name, string text)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return name;
    }

    /// <summary>Reads a file inside the directory.</summary>
    public string Read(string name) => File.ReadAllText(System.IO.Path.Combine(Path, name));

    /// <summary>Runs airlock with this directory as its working directory, so relative paths name files in it.</summary>
    public Task<CliResult> RunAsync(params string[] args) => AirlockProcess.RunAsync(Path, args);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
