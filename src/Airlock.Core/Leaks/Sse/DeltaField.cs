using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>A delta's text in a parsed event: <c><see cref="Owner"/>[<see cref="Property"/>]</c> holds <see cref="Text"/>.</summary>
internal readonly record struct DeltaField(DeltaStreamKey Key, DeltaFormat Format, JsonObject Owner, string Property, string Text);
