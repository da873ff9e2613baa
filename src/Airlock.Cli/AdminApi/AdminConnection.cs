namespace Airlock.Cli.AdminApi;

/// <summary>
/// Where the admin API is and the token to present: <c>--addr</c>, else <c>AIRLOCK_ADDR</c>, else <c>http://127.0.0.1:8081</c>;
/// the token only from <c>AIRLOCK_ADMIN_TOKEN</c>, never the command line (shell history and process lists would keep it).
/// </summary>
internal sealed class AdminConnection
{
    /// <summary>The environment variable naming the admin API address.</summary>
    public const string AddressVariable = "AIRLOCK_ADDR";

    /// <summary>The environment variable holding the admin token.</summary>
    public const string TokenVariable = "AIRLOCK_ADMIN_TOKEN";

    /// <summary>The admin listener's default address (<c>airlock serve --admin-listen</c>).</summary>
    public const string DefaultAddress = "http://127.0.0.1:8081";

    private AdminConnection(Uri address, string addressSource, string token)
    {
        Address = address;
        AddressSource = addressSource;
        Token = token;
    }

    /// <summary>The admin API's base address.</summary>
    public Uri Address { get; }

    /// <summary>Where <see cref="Address"/> came from, for error messages: <c>--addr</c>, <c>AIRLOCK_ADDR</c> or the default.</summary>
    public string AddressSource { get; }

    /// <summary>The admin token. Never printed.</summary>
    public string Token { get; }

    /// <summary>A connection the process set up itself (<c>airlock dev</c> talking to the server it started).</summary>
    public static AdminConnection Direct(Uri address, string token) => new(address, "airlock dev", token);

    /// <summary>Resolves the address and token, or throws a <see cref="UsageException"/> saying what to set.</summary>
    public static AdminConnection Resolve(string? addressOption)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(AddressVariable);
        var (text, source) = addressOption is not null ? (addressOption, "--addr")
            : !string.IsNullOrEmpty(fromEnvironment) ? (fromEnvironment, AddressVariable)
            : (DefaultAddress, "the default");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            || address.Query.Length > 0 || address.Fragment.Length > 0 || address.UserInfo.Length > 0)
        {
            throw new UsageException(
                $"{source}: `{Input.AdminNames.Shown(text)}` is not an admin API address",
                $"give the scheme, host and port of `airlock serve --admin-listen`, e.g. export {AddressVariable}={DefaultAddress}");
        }

        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            throw new UsageException(
                $"{TokenVariable} is not set",
                $"export the admin token that `airlock init` printed (export {TokenVariable}=airlock_admin_…), or one from `airlock token create`");
        }

        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new UsageException(
                $"{TokenVariable} contains spaces, newlines or control characters",
                "set it to exactly the token text, e.g. export AIRLOCK_ADMIN_TOKEN=\"$(cat token-file)\"");
        }

        return new AdminConnection(address, source, token);
    }

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> (which starts with <c>/v1/</c>) under <see cref="Address"/>.</summary>
    public Uri UriFor(string pathAndQuery) =>
        new(Address.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery, UriKind.Absolute);
}
