namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// One text stream of a provider's SSE response: the field kind (<c>chat.content</c>, <c>anthropic.text_delta</c>,
/// <c>response.output_text</c> …), the choice, content block or output item (<see cref="Group"/>), and the tool call,
/// content part or summary part within it (<see cref="Item"/>, -1 when the format has none).
/// </summary>
internal readonly record struct DeltaStreamKey(string Kind, long Group, long Item);
