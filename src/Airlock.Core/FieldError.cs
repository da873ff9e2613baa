namespace Airlock.Core;

/// <summary>
/// One problem with one field of a request or a configuration entry: <see cref="Field"/> is the field's path as the
/// admin API spells it (e.g. <c>credential.header</c>), <see cref="Message"/> says what is wrong and how to fix it,
/// and never contains a secret value.
/// </summary>
public sealed record FieldError(string Field, string Message);
