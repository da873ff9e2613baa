namespace Airlock.Cli.Tests.Support;

/// <summary>What the fake admin API answers: a status and, unless null, a body.</summary>
public sealed record FakeResponse(int Status, string? Body, string ContentType = "application/json");
