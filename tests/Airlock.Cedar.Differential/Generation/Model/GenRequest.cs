using Airlock.Cedar.Values;

namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>A generated authorization request.</summary>
/// <param name="Principal">The principal.</param>
/// <param name="Action">The action.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Context">The context JSON, written for the mode the request runs in.</param>
/// <param name="WithSchema">True when the schema guides parsing (and, with <paramref name="ValidateRequest"/>, validates the request).</param>
/// <param name="ValidateRequest">True to validate the request against the schema before authorizing.</param>
public sealed record GenRequest(EntityUid Principal, EntityUid Action, EntityUid Resource, string Context, bool WithSchema, bool ValidateRequest);
