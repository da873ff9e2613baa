using System.Globalization;
using System.Text.Json;
using Airlock.Core.Audit;
using Airlock.Core.Audit.Merkle;
using Airlock.Core.Storage;
using Airlock.Gateway.Hosting;
using Airlock.Gateway.Http;

namespace Airlock.Gateway.Admin;

/// <summary>
/// The audit log, read only: records (as their canonical JSON lines, the exact Merkle leaf data), checkpoints,
/// verification and proofs. Nothing here can change the log.
/// </summary>
internal static class AuditEndpoints
{
    private const int MaxLimit = 10_000;
    private const int LeafPage = 50_000;

    public static void Map(IEndpointRouteBuilder app, GatewayRuntime runtime)
    {
        var store = runtime.Store.Audit;

        app.MapGet("/v1/audit/records", async (HttpContext context, CancellationToken ct) =>
        {
            var from = QueryLong(context, "from") ?? 0;
            var limit = QueryLong(context, "limit") ?? 100;
            if (from < 0 || limit is < 1 or > MaxLimit)
            {
                throw Invalid($"`from` must be ≥ 0 and `limit` 1–{MaxLimit}");
            }

            var rows = await store.ReadAsync(from, (int)limit, ct);
            context.Response.ContentType = "application/x-ndjson";
            foreach (var row in rows)
            {
                // INVARIANT: the line is the stored bytes, unchanged, so H(0x00 ‖ line) is the leaf hash.
                await context.Response.Body.WriteAsync(row.Data, ct);
                await context.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
            }
        });

        app.MapGet("/v1/audit/records/{seq:long}", async (long seq, CancellationToken ct) =>
        {
            var rows = await store.ReadAsync(seq, 1, ct);
            if (seq < 0 || rows.Count == 0 || rows[0].Sequence != seq)
            {
                throw ApiProblem.NotFound($"there is no audit record {seq}");
            }

            using var record = JsonDocument.Parse(rows[0].Data);
            return Results.Json(
                new { seq, leaf_hash = Convert.ToBase64String(rows[0].LeafHash), record = record.RootElement.Clone() },
                ApiJson.Options);
        });

        app.MapGet("/v1/audit/head", () => Results.Json(
            new { tree_size = runtime.Audit.Size, checkpoint = runtime.Audit.LatestCheckpoint is { } c ? AuditCheckpointView.From(c) : null },
            ApiJson.Options));

        app.MapGet("/v1/audit/checkpoints", async (CancellationToken ct) =>
            Results.Json((await store.ListCheckpointsAsync(ct)).Select(AuditCheckpointView.From), ApiJson.Options));

        app.MapGet("/v1/audit/keys", async (CancellationToken ct) =>
            Results.Json((await store.ListKeysAsync(ct)).Select(AuditKeyView.From), ApiJson.Options));

        app.MapGet("/v1/audit/verify", async (CancellationToken ct) =>
            Results.Json(AuditVerificationView.From(await AuditVerifier.VerifyAsync(store, null, ct)), ApiJson.Options));

        app.MapGet("/v1/audit/proofs/inclusion", async (HttpContext context, CancellationToken ct) =>
        {
            var tree = await LoadTreeAsync(store, ct);
            var seq = QueryLong(context, "seq") ?? throw Invalid("`seq` is required");
            var size = QueryLong(context, "size") ?? tree.Size;
            if (size < 1 || size > tree.Size || seq < 0 || seq >= size)
            {
                throw Invalid($"need 0 ≤ seq < size ≤ {tree.Size} (the current log size)");
            }

            return Results.Json(
                new InclusionProofView(seq, size, B64(tree.LeafHash(seq)), B64(tree.RootAt(size)), [.. tree.InclusionProof(seq, size).Select(B64)]),
                ApiJson.Options);
        });

        app.MapGet("/v1/audit/proofs/consistency", async (HttpContext context, CancellationToken ct) =>
        {
            var tree = await LoadTreeAsync(store, ct);
            var from = QueryLong(context, "from") ?? throw Invalid("`from` is required");
            var to = QueryLong(context, "to") ?? tree.Size;
            if (from < 1 || from > to || to > tree.Size)
            {
                throw Invalid($"need 1 ≤ from ≤ to ≤ {tree.Size} (the current log size)");
            }

            return Results.Json(
                new ConsistencyProofView(from, to, B64(tree.RootAt(from)), B64(tree.RootAt(to)), [.. tree.ConsistencyProof(from, to).Select(B64)]),
                ApiJson.Options);
        });
    }

    // The proofs are computed over the stored leaf hashes; a client checks them against a signed checkpoint.
    private static async Task<MerkleTree> LoadTreeAsync(IAuditStore store, CancellationToken ct)
    {
        var tree = new MerkleTree();
        while (true)
        {
            var page = await store.ReadLeafHashesAsync(tree.Size, LeafPage, ct);
            foreach (var leaf in page)
            {
                tree.Append(leaf);
            }

            if (page.Count < LeafPage)
            {
                return tree;
            }
        }
    }

    private static long? QueryLong(HttpContext context, string name)
    {
        var value = context.Request.Query[name];
        if (value.Count == 0)
        {
            return null;
        }

        return value.Count == 1 && long.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Invalid($"`{name}` must be one non-negative integer");
    }

    private static ApiProblem Invalid(string detail) => new(422, "validation", "The request is invalid", detail);

    private static string B64(byte[] hash) => Convert.ToBase64String(hash);
}
