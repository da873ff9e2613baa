namespace Airlock.Cli.Formatting;

/// <summary>A <c>//</c> comment in policy text: its offsets [Start, End) and its text without the line break.</summary>
internal sealed record Comment(int Start, int End, string Text);
