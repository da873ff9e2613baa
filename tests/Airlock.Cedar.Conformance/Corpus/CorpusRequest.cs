using Airlock.Cedar.Values;

namespace Airlock.Cedar.Conformance.Corpus;

/// <summary>One request of an integration test with its expected answer.</summary>
/// <param name="Description">The request's description, unique within its test.</param>
/// <param name="Principal">The principal, or null when <paramref name="ParseError"/> says why it could not be read.</param>
/// <param name="Action">The action, or null when it could not be read.</param>
/// <param name="Resource">The resource, or null when it could not be read.</param>
/// <param name="ContextJson">The context as JSON text.</param>
/// <param name="ValidateRequest">Whether the request is validated against the schema first (the format's default is true).</param>
/// <param name="Decision">The expected decision: <c>allow</c> or <c>deny</c>.</param>
/// <param name="Reason">The expected determining policy ids, compared as a set.</param>
/// <param name="Errors">The expected erroring policy ids, compared as a set.</param>
/// <param name="ParseError">Why the principal, action or resource is not an entity reference, when it is not.</param>
public sealed record CorpusRequest(
    string Description,
    EntityUid? Principal,
    EntityUid? Action,
    EntityUid? Resource,
    string ContextJson,
    bool ValidateRequest,
    string Decision,
    IReadOnlyList<string> Reason,
    IReadOnlyList<string> Errors,
    string? ParseError);
