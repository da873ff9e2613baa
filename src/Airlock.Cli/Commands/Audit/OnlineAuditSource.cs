using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Airlock.Cli.AdminApi;
using Airlock.Core.Audit;
using Airlock.Core.Audit.Merkle;

namespace Airlock.Cli.Commands.Audit;

/// <summary>
/// A running gateway's audit API. Verification runs in the gateway; exported checkpoints are then checked here,
/// against the root the gateway recomputed, with a consistency proof the gateway supplies.
/// </summary>
internal sealed class OnlineAuditSource : IAuditSource
{
    private readonly HttpClient _http;
    private readonly AdminConnection _connection;

    public OnlineAuditSource(AdminConnection connection)
    {
        _connection = connection;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
    }

    public async Task<long> SizeAsync(CancellationToken ct)
    {
        using var head = await GetJsonAsync("/v1/audit/head", ct).ConfigureAwait(false);
        return head.RootElement.GetProperty("tree_size").GetInt64();
    }

    public async Task<IReadOnlyList<byte[]>> ReadAsync(long from, int limit, CancellationToken ct)
    {
        var body = await GetBytesAsync(string.Create(CultureInfo.InvariantCulture, $"/v1/audit/records?from={from}&limit={limit}"), ct).ConfigureAwait(false);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'\n')
            {
                lines.Add(body[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }

    public async Task<AuditVerifyOutcome> VerifyAsync(IReadOnlyList<SignedTreeHead> exported, CancellationToken ct)
    {
        using var json = await GetJsonAsync("/v1/audit/verify", ct).ConfigureAwait(false);
        var v = json.RootElement;
        var problem = v.GetProperty("problem");
        var outcome = new AuditVerifyOutcome(
            v.GetProperty("ok").GetBoolean(),
            v.GetProperty("record_count").GetInt64(),
            v.GetProperty("root_hash").GetString() ?? "",
            v.GetProperty("checkpoints_verified").GetInt32(),
            0,
            problem.ValueKind == JsonValueKind.Object ? problem.GetProperty("kind").GetString() : null,
            problem.ValueKind == JsonValueKind.Object && problem.GetProperty("sequence").ValueKind == JsonValueKind.Number ? problem.GetProperty("sequence").GetInt64() : null,
            problem.ValueKind == JsonValueKind.Object ? problem.GetProperty("message").GetString() : null);
        if (!outcome.Ok || exported.Count == 0)
        {
            return outcome;
        }

        var keys = await GetKeysAsync(ct).ConfigureAwait(false);
        var root = Convert.FromBase64String(outcome.RootHash);
        var verified = 0;
        foreach (var checkpoint in exported)
        {
            var problemText = await CheckExportedAsync(checkpoint, outcome.RecordCount, root, keys, ct).ConfigureAwait(false);
            if (problemText is not null)
            {
                return outcome with { Ok = false, ExportedCheckpointsVerified = verified, Kind = problemText.Value.Kind, Sequence = problemText.Value.Sequence, Message = problemText.Value.Message };
            }

            verified++;
        }

        return outcome with { ExportedCheckpointsVerified = verified };
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(string Kind, long? Sequence, string Message)?> CheckExportedAsync(
        SignedTreeHead checkpoint, long size, byte[] root, Dictionary<string, AuditKeyRecord> keys, CancellationToken ct)
    {
        if (!AuditSigner.Verify(checkpoint, keys))
        {
            return ("bad_checkpoint_signature", null, $"the signature of the exported checkpoint at tree size {checkpoint.TreeSize} does not verify");
        }

        if (checkpoint.TreeSize > size)
        {
            return ("truncated", size, $"the exported checkpoint at tree size {checkpoint.TreeSize} covers more records than the log holds ({size}): the log was truncated from record {size} on");
        }

        bool consistent;
        if (checkpoint.TreeSize == 0)
        {
            consistent = checkpoint.RootHash.AsSpan().SequenceEqual(MerkleHash.EmptyRoot);
        }
        else
        {
            using var json = await GetJsonAsync(string.Create(CultureInfo.InvariantCulture, $"/v1/audit/proofs/consistency?from={checkpoint.TreeSize}&to={size}"), ct).ConfigureAwait(false);
            var proof = json.RootElement.GetProperty("proof").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString() ?? "")).ToArray();
            consistent = MerkleProof.VerifyConsistency(checkpoint.TreeSize, size, checkpoint.RootHash, root, proof);
        }

        return consistent
            ? null
            : ("checkpoint_mismatch", null, $"the log is not consistent with the exported checkpoint at tree size {checkpoint.TreeSize}: records before it were changed");
    }

    private async Task<Dictionary<string, AuditKeyRecord>> GetKeysAsync(CancellationToken ct)
    {
        using var json = await GetJsonAsync("/v1/audit/keys", ct).ConfigureAwait(false);
        return json.RootElement.EnumerateArray()
            .Select(k => new AuditKeyRecord(
                k.GetProperty("key_id").GetString() ?? "",
                k.GetProperty("algorithm").GetString() ?? "",
                Convert.FromBase64String(k.GetProperty("public_key_spki").GetString() ?? ""),
                k.GetProperty("created").GetDateTimeOffset()))
            .ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string path, CancellationToken ct) =>
        JsonDocument.Parse(await GetBytesAsync(path, ct).ConfigureAwait(false));

    private async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(_connection.UriFor(path), ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AuditCliException(ExitCodes.Unavailable, $"cannot reach the admin API at {_connection.Address} ({_connection.AddressSource}): {e.Message}",
                "start the gateway, or verify offline with --data-dir while it is stopped");
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var detail = Detail(body);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new AuditCliException(ExitCodes.Deny, $"the gateway refused the admin token: {detail}"),
                HttpStatusCode.NotFound => new AuditCliException(ExitCodes.NotFound, detail),
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new AuditCliException(ExitCodes.Invalid, detail),
                _ => new AuditCliException(ExitCodes.Unavailable, $"the gateway failed ({(int)response.StatusCode}): {detail}"),
            };
        }
    }

    private static string Detail(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "no detail";
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)));
        }
    }
}
