namespace Airlock.Gateway.DataPlane.Forwarding;

/// <summary>Thrown from the connect hook when a connection would go anywhere but the routed service.</summary>
public sealed class UpstreamRefusedException(string message) : Exception(message);
