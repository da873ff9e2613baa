using System.Diagnostics;
using System.Reflection;

namespace Airlock.Benchmarks.Compare;

/// <summary>Runs <c>node bench.mjs &lt;folder&gt;</c> in the script's own folder, installing its locked dependencies first if needed.</summary>
internal static class NodeRunner
{
    public static string ScriptDirectory(CompareOptions options)
    {
        var dir = options.NodeDirectory
            ?? typeof(NodeRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NodeBenchDirectory")?.Value
            ?? throw new InvalidOperationException("the build did not record where bench.mjs is; pass --node-dir");
        return File.Exists(Path.Combine(dir, "bench.mjs"))
            ? dir
            : throw new InvalidOperationException($"no bench.mjs in {dir}; pass --node-dir");
    }

    public static void Run(string scriptDirectory, string dataFolder)
    {
        if (!Directory.Exists(Path.Combine(scriptDirectory, "node_modules", "@cedar-policy", "cedar-wasm")))
        {
            // `npm ci` installs exactly what package-lock.json pins (cedar-wasm 4.10.0).
            Console.WriteLine("installing the locked Node dependencies (npm ci) …");
            Exec("npm", ["ci", "--no-audit", "--no-fund"], scriptDirectory);
        }

        Exec("node", ["bench.mjs", dataFolder], scriptDirectory);
    }

    private static void Exec(string file, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{file} {string.Join(' ', args)}` exited with {process.ExitCode}");
        }
    }
}
