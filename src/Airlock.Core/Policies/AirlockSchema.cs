using Airlock.Cedar.Schemas;

namespace Airlock.Core.Policies;

/// <summary>The Cedar schema shipped with Airlock (airlock.cedarschema), against which every policy is validated on load.</summary>
public static class AirlockSchema
{
    public const string ResourceName = "Airlock.Core.Policies.airlock.cedarschema";

    private static readonly Lazy<string> SourceText = new(() =>
    {
        using var stream = typeof(AirlockSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded schema {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<Schema> Parsed = new(() => Schema.Parse(SourceText.Value, "airlock.cedarschema"));

    /// <summary>The schema text, as `airlock policy validate --schema` can be given it.</summary>
    public static string Text => SourceText.Value;

    public static Schema Schema => Parsed.Value;
}
