namespace Airlock.Cli.Tests.Support;

/// <summary>The round-trip test classes share one running gateway and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
