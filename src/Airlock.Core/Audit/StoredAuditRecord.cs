namespace Airlock.Core.Audit;

/// <summary>A record as the store keeps it: its sequence number, its canonical bytes and their Merkle leaf hash.</summary>
public sealed record StoredAuditRecord(long Sequence, byte[] Data, byte[] LeafHash);
