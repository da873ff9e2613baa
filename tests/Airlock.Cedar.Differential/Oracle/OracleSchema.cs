namespace Airlock.Cedar.Differential.Oracle;

/// <summary>A schema as the oracle takes it: Cedar schema text, or the JSON schema format.</summary>
/// <param name="Text">The schema source.</param>
/// <param name="IsJson">True for the JSON schema format.</param>
public sealed record OracleSchema(string Text, bool IsJson = false);
