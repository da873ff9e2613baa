using Airlock.Cedar;
using Airlock.Core.Policies;

namespace Airlock.Gateway.Policies;

/// <summary>A refused reload: when it was tried and every problem found.</summary>
public sealed record PolicyLoadFailure(DateTimeOffset At, IReadOnlyList<CedarDiagnostic> Errors);

/// <summary>
/// The policies in force, from <c>airlock serve --policies DIR</c>, reloaded when a file there changes. A reload
/// that finds any error is refused whole: the previous policies stay in force and the errors are kept for
/// <c>GET /v1/policies</c> and the log. Without a directory there are no policies, so every call is denied.
/// </summary>
public sealed class PolicyDirectory : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider _time;
    private readonly ILogger? _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Lock _reloadGate = new();
    private ITimer? _pending;
    private PolicyBundle _current;
    private PolicyLoadFailure? _lastFailure;

    private PolicyDirectory(string? path, PolicyBundle initial, TimeProvider time, ILogger? logger)
    {
        Path = path;
        _current = initial;
        _time = time;
        _logger = logger;
        if (path is not null)
        {
            _watcher = new FileSystemWatcher(path, "*.cedar") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Deleted += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    public string? Path { get; }

    /// <summary>The policies in force; swapped atomically, so a request sees one whole set.</summary>
    public PolicyBundle Current => Volatile.Read(ref _current);

    /// <summary>The last refused reload, or null when the last attempt succeeded.</summary>
    public PolicyLoadFailure? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>Loads the directory once; an invalid directory at start stops the server with every error.</summary>
    public static PolicyDirectory Open(string? path, TimeProvider time, ILogger? logger = null)
    {
        if (path is null)
        {
            return new PolicyDirectory(null, PolicyBundle.Empty, time, logger);
        }

        var (bundle, errors) = PolicyBundle.Load(path, time.GetUtcNow());
        if (bundle is null)
        {
            throw new Hosting.StartupException($"the policies in {path} are invalid, so nothing would be decided as intended:\n  " + string.Join("\n  ", errors));
        }

        return new PolicyDirectory(System.IO.Path.GetFullPath(path), bundle, time, logger);
    }

    /// <summary>Reloads now; returns true when the new set is in force.</summary>
    public bool Reload()
    {
        if (Path is null)
        {
            return false;
        }

        lock (_reloadGate)
        {
            var (bundle, errors) = PolicyBundle.Load(Path, _time.GetUtcNow());
            if (bundle is null)
            {
                Volatile.Write(ref _lastFailure, new PolicyLoadFailure(_time.GetUtcNow(), errors));
                if (_logger?.IsEnabled(LogLevel.Error) == true)
                {
                    _logger.LogError("policy reload refused, the previous {Count} policies stay in force:\n  {Errors}", Current.Origins.Count, string.Join("\n  ", errors));
                }
                return false;
            }

            Volatile.Write(ref _current, bundle);
            Volatile.Write(ref _lastFailure, null);
            if (_logger?.IsEnabled(LogLevel.Information) == true)
            {
                _logger.LogInformation("policies reloaded: {Count} policies from {Files} files", bundle.Origins.Count, bundle.Files.Count);
            }
            return true;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _pending?.Dispose();
    }

    // Editors write a file in several steps; wait for the burst of events to settle before reading.
    private void ScheduleReload()
    {
        lock (_reloadGate)
        {
            _pending?.Dispose();
            _pending = TimeProvider.System.CreateTimer(_ => Reload(), null, Debounce, Timeout.InfiniteTimeSpan);
        }
    }
}
