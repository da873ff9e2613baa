namespace Airlock.Cedar.Validation;

/// <summary>
/// The result of checking one expression: whether it type checked, its type (which a failed check may still
/// know, or not), and the capabilities it grants when it evaluates to true.
/// </summary>
internal readonly record struct Answer(bool Ok, CedarType? Type, CapabilitySet Capabilities)
{
    public static Answer Success(CedarType? type) => new(true, type, CapabilitySet.Empty);

    public static Answer Success(CedarType? type, CapabilitySet capabilities) => new(true, type, capabilities);

    public static Answer Fail(CedarType? type) => new(false, type, CapabilitySet.Empty);

    /// <summary>Turns a success into a failure that keeps the type but no capabilities.</summary>
    public Answer IntoFail() => Ok ? Fail(Type) : this;

    /// <summary>
    /// Runs the next step on this answer's type and capabilities; a failure here makes the result a failure,
    /// and the next step sees no capabilities from it. The step always runs, so its errors are always reported.
    /// </summary>
    public Answer Then(Func<CedarType?, CapabilitySet, Answer> next) =>
        Ok ? next(Type, Capabilities) : next(Type, CapabilitySet.Empty).IntoFail();
}
