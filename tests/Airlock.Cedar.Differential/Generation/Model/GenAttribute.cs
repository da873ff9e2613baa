namespace Airlock.Cedar.Differential.Generation.Model;

/// <summary>An attribute of a record or entity shape.</summary>
/// <param name="Name">The attribute name; may need quoting.</param>
/// <param name="Type">Its type.</param>
/// <param name="Required">False for an optional attribute (<c>name?: T</c>).</param>
public sealed record GenAttribute(string Name, GenType Type, bool Required);
