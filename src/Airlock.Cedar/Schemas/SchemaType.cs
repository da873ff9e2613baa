using System.Text;

namespace Airlock.Cedar.Schemas;

/// <summary>A fully resolved Cedar schema type: common types are expanded and every entity type name is fully qualified.</summary>
public abstract class SchemaType : IEquatable<SchemaType>
{
    // Expanded sizes saturate here: the exact number no longer matters once it is this large.
    private const long SizeCap = 1L << 40;

    private protected SchemaType(int depth, long size)
    {
        Depth = depth;
        Size = Math.Min(size, SizeCap);
    }

    /// <summary>How many levels of sets and records this type nests; 1 for a type without elements or attributes.</summary>
    public int Depth { get; }

    /// <summary>Number of type nodes when written out in full; used to refuse schemas whose common types expand exponentially.</summary>
    internal long Size { get; }

    /// <summary>Structural equality: same kind, same names, same attributes.</summary>
    public abstract bool Equals(SchemaType? other);

    public sealed override bool Equals(object? obj) => obj is SchemaType other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>Renders the type in the human-readable schema syntax, for example <c>Set&lt;NS::User&gt;</c>.</summary>
    public sealed override string ToString()
    {
        var sb = new StringBuilder();
        WriteTo(sb);
        return sb.ToString();
    }

    internal abstract void WriteTo(StringBuilder sb);
}
