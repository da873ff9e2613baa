using Airlock.Core.Llm;

namespace Airlock.Gateway.DataPlane.Llm;

/// <summary>
/// The agent's response stream with an <see cref="LlmUsageMeter"/> watching every upstream byte before it is
/// redacted and written on: usage is read from what the provider sent, not from what the agent received.
/// </summary>
internal sealed class MeteringStream(Stream inner, LlmUsageMeter meter) : ResponseFilterStream(inner, ownsInner: true)
{
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        meter.Observe(buffer.Span);
        return Inner.WriteAsync(buffer, cancellationToken);
    }
}
