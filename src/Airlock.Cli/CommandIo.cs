namespace Airlock.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
internal sealed record CommandIo(TextWriter Out, TextWriter Error);
