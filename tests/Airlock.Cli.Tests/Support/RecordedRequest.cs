namespace Airlock.Cli.Tests.Support;

/// <summary>One request the fake admin API received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);
