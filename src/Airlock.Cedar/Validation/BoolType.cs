namespace Airlock.Cedar.Validation;

/// <summary>The boolean type or one of the singleton types <c>True</c> and <c>False</c> used for short-circuiting.</summary>
internal sealed class BoolType : CedarType
{
    private BoolType(BoolKind kind) => Kind = kind;

    public static BoolType AnyBool { get; } = new(BoolKind.Any);

    public static BoolType True { get; } = new(BoolKind.True);

    public static BoolType False { get; } = new(BoolKind.False);

    public BoolKind Kind { get; }

    public static BoolType Singleton(bool value) => value ? True : False;

    public override bool Equals(CedarType? other) => other is BoolType b && b.Kind == Kind;

    public override int GetHashCode() => 10 + (int)Kind;

    public override string ToString() => Kind switch
    {
        BoolKind.True => "__cedar::internal::True",
        BoolKind.False => "__cedar::internal::False",
        _ => "Bool",
    };
}
