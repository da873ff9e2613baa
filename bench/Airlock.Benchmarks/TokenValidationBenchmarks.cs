using Airlock.Core.Identities;
using Airlock.Core.Keys;
using Airlock.Core.Secrets;
using Airlock.Core.Sessions;
using Airlock.Core.Tokens;
using Airlock.Storage.Sqlite;
using BenchmarkDotNet.Attributes;

namespace Airlock.Benchmarks;

/// <summary>
/// Session-token validation on the data plane, with the session status check, for a token seen before (the
/// verified-token cache hit: target ≤ 5 µs median) and for a first-seen token (full ES256 verification), which is
/// the in-run baseline for the ratio.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private SigningKeyRing _ring = null!;
    private TokenOptions _options = null!;
    private SessionDirectory _status = null!;
    private SessionTokenValidator _validator = null!;
    private string _token = null!;
    private string _dataDirectory = null!;
    private SqliteAirlockStore _store = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>
    /// A token the validator has not seen: a fresh validator (an empty cache, under 1 µs to build) per call, so that
    /// every call parses, checks the header and claims, and verifies the ECDSA P-256 signature.
    /// </summary>
    [Benchmark(Baseline = true)]
    public TokenValidationResult FirstSeen() =>
        Completed(new SessionTokenValidator(_ring, _status, _options, TimeProvider.System).ValidateAsync(_token));

    /// <summary>The same token again: a cache hit, then the clock, key-window and session status checks.</summary>
    [Benchmark]
    public TokenValidationResult Cached() => Completed(_validator.ValidateAsync(_token));

    private async Task SetupAsync()
    {
        var time = TimeProvider.System;
        // The real embedded store in a temporary data directory; it is read only during setup.
        _dataDirectory = Path.Combine(Path.GetTempPath(), "airlock-bench-" + Guid.NewGuid().ToString("N"));
        var store = _store = SqliteAirlockStore.Open(_dataDirectory, time);
        await store.MigrateAsync();
        using var kek = KeyEncryptionKey.Generate();
        var vault = new Vault(store, kek, time);
        await vault.InitializeAsync();
        _ring = await SigningKeyRing.LoadAsync(store, vault, time);
        await _ring.CreateInitialKeyAsync();
        _options = new TokenOptions("https://airlock.bench");

        // The gateway's own session directory, as the data plane uses it, holding 10,000 live sessions so the
        // lookup is not a trivially small map. The agent's state is read from the store once, during setup.
        _status = new SessionDirectory(store, time);
        var now = time.GetUtcNow();
        await store.Identities.TryAddAgentAsync(new Agent("agent-007", "bench", [], Enabled: true, now));
        Session? session = null;
        for (var i = 0; i < 10_000; i++)
        {
            session = new Session($"ses_{i:D8}", "agent-007", "user-012", "create this month's invoices", ["billing-api"], now, now.AddHours(12), null, null);
            _status.SessionStarted(session);
        }

        _ = await _status.GetAsync(session!.Id, session.AgentId, CancellationToken.None);
        _token = new SessionTokenIssuer(_ring, _options, time).Issue(session!).Token;
        _validator = new SessionTokenValidator(_ring, _status, _options, time);

        // A benchmark of the wrong path measures nothing useful: insist that both paths succeed.
        var first = FirstSeen();
        var cached = Cached();
        if (!first.Succeeded || !Cached().Succeeded || !cached.Succeeded)
        {
            throw new InvalidOperationException($"the benchmark token should validate: {first}, {cached}");
        }
    }

    // Once the agent's state is cached, the session directory answers synchronously, so validation completes without awaiting.
    private static TokenValidationResult Completed(ValueTask<TokenValidationResult> pending)
    {
        var result = pending.IsCompletedSuccessfully ? pending.Result : null;
        return result ?? throw new InvalidOperationException("validation should complete synchronously once the session directory has cached the agent");
    }
}
