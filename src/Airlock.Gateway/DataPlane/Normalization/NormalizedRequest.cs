namespace Airlock.Gateway.DataPlane.Normalization;

/// <summary>
/// A data-plane request in its one canonical form (docs/data-plane.md). Policy evaluates these strings and the
/// forwarder sends them: the upstream request target is the service's base path followed by <see cref="Path"/>
/// byte for byte, then <see cref="Query"/>.
/// </summary>
/// <param name="Method">One of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.</param>
/// <param name="Service">The first path segment: the name of the service the request is routed to.</param>
/// <param name="Path">The canonical path below the service, always starting with <c>/</c>.</param>
/// <param name="Query">The query without its <c>?</c>, validated but unchanged; empty when there is none.</param>
public sealed record NormalizedRequest(string Method, string Service, string Path, string Query);
