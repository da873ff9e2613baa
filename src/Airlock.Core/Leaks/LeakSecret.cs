namespace Airlock.Core.Leaks;

/// <summary>
/// SECRET MATERIAL: one value Airlock holds (a vault secret, an access token rendered at injection time) and the name
/// its redactions are reported under. <see cref="ToString"/> shows the name only.
/// </summary>
public sealed class LeakSecret
{
    /// <param name="name">Reported in <c>[REDACTED:&lt;name&gt;]</c> and in audit counts; visible ASCII without <c>]</c>.</param>
    /// <param name="value">The value's bytes (UTF-8 for text); the set copies what it needs.</param>
    public LeakSecret(string name, ReadOnlyMemory<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            if (c is < '!' or > '~' or ']')
            {
                throw new ArgumentException("a leak secret name must be visible ASCII without `]`", nameof(name));
            }
        }

        Name = name;
        Value = value;
    }

    public string Name { get; }

    public ReadOnlyMemory<byte> Value { get; }

    public override string ToString() => $"LeakSecret({Name}, {Value.Length} bytes)";
}
