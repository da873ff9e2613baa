namespace Airlock.Core.Leaks.Sse;

/// <summary>Limits that keep an <see cref="SseDeltaRedactor"/>'s memory bounded whatever the upstream sends.</summary>
public sealed class SseDeltaRedactorOptions
{
    /// <summary>The defaults below.</summary>
    public static SseDeltaRedactorOptions Default { get; } = new();

    /// <summary>
    /// The largest SSE event (all its lines, terminators included) read as one unit, and the most JSON kept as
    /// templates for the events that carry held-back text; default 1 MiB. A delta event is a few hundred bytes; past
    /// the limit the redactor stops parsing and copies the rest of the stream unchanged (see
    /// <see cref="SseDeltaRedactor.PassingThrough"/>).
    /// </summary>
    public int MaxEventBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// The most text streams (choice × field, content block, output item) open at once; default 64. Each holds a
    /// <see cref="StreamingRedactor"/>; past the limit the redactor stops parsing as above.
    /// </summary>
    public int MaxTextStreams { get; init; } = 64;
}
