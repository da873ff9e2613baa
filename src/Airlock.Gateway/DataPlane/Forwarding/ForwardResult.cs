namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>
/// What forwarding did: <see cref="StatusCode"/> is what the agent received (the upstream's status, or Airlock's
/// 4xx/5xx when forwarding failed before the response started, or 0 when nothing could be sent).
/// </summary>
public sealed record ForwardResult(ForwardError Error, int StatusCode, long ResponseBodyBytes)
{
    public bool Succeeded => Error == ForwardError.None;
}
