using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Airlock.Cli.Tests.Support;

/// <summary>
/// Concurrent agents calling the data plane until the server is killed: each of <c>clients</c> workers sends
/// <c>GET {data}/{service}/rec/{id}</c> with a fresh unique id, one call after another, and keeps what each call was
/// answered. Errors are expected once <see cref="Killing"/> is set (the server is going away) and are failures before.
/// </summary>
public sealed class CallLoad : IAsyncDisposable
{
    private const int MaxErrorsKept = 20;

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstPermitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _workers;
    private volatile bool _killing;

    private CallLoad(Uri dataPlane, string service, string token, int clients)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false })
        {
            BaseAddress = dataPlane,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _workers = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(() => WorkAsync(service)))];
    }

    /// <summary>Every call answered, by id: the HTTP status.</summary>
    public ConcurrentDictionary<string, int> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of calls refused with 503 <c>audit_unavailable</c>: their decision record was not sealed in time.</summary>
    public ConcurrentBag<string> AuditRefused { get; } = [];

    /// <summary>Failures (no answer at all) seen before <see cref="Killing"/> was set; the first few are kept.</summary>
    public ConcurrentQueue<string> ErrorsBeforeKill { get; } = new();

    /// <summary>Completed when the first call is answered 200.</summary>
    public Task FirstPermitted => _firstPermitted.Task;

    /// <summary>Set just before the server is killed: from then on a failed call is the kill, and ends its worker.</summary>
    public bool Killing
    {
        get => _killing;
        set => _killing = value;
    }

    /// <summary>Starts <paramref name="clients"/> workers against <paramref name="dataPlane"/>.</summary>
    public static CallLoad Start(Uri dataPlane, string service, string token, int clients) => new(dataPlane, service, token, clients);

    /// <summary>Stops sending and waits (bounded) for every worker to end.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).WaitAsync(timeout).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The test has already failed on this; disposing must not hide why.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task WorkAsync(string service)
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            var id = Guid.NewGuid().ToString("N");
            try
            {
                using var response = await _http.GetAsync(new Uri($"/{service}/rec/{id}", UriKind.Relative), ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                Answers[id] = status;
                if (status == 200)
                {
                    _firstPermitted.TrySetResult();
                }
                else if (status == 503 && body.Contains("audit_unavailable", StringComparison.Ordinal))
                {
                    AuditRefused.Add(id);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                if (_killing || ct.IsCancellationRequested)
                {
                    return;
                }

                if (ErrorsBeforeKill.Count < MaxErrorsKept)
                {
                    ErrorsBeforeKill.Enqueue($"{id}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }
}
