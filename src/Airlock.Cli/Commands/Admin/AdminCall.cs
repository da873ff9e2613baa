using System.Text.Json;
using Airlock.Cli.AdminApi;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Admin;

/// <summary>
/// One run of an admin command: where it prints, in which format, and its client, which is created only when first
/// used, so input is checked (and refused) before the token is even looked at.
/// </summary>
internal sealed class AdminCall : IDisposable
{
    private readonly string? addressOption;
    private readonly bool verbose;
    private readonly List<string> sensitive = [];
    private AdminApiClient? client;

    public AdminCall(CommandIo io, bool json, string? addressOption, bool verbose)
    {
        Io = io;
        Json = json;
        this.addressOption = addressOption;
        this.verbose = verbose;
    }

    public CommandIo Io { get; }

    /// <summary>True for <c>--output json</c>.</summary>
    public bool Json { get; }

    /// <summary>The admin API client; resolving it reads <c>AIRLOCK_ADDR</c> and <c>AIRLOCK_ADMIN_TOKEN</c>.</summary>
    public AdminApiClient Client
    {
        get
        {
            if (client is null)
            {
                var connection = AdminConnection.Resolve(addressOption);
                Sensitive(connection.Token);
                client = new AdminApiClient(connection, verbose ? Io.Error : null);
            }

            return client;
        }
    }

    /// <summary>Marks <paramref name="text"/> (a secret value, a token) as never to be printed in an error message.</summary>
    public void Sensitive(string text)
    {
        if (text.Length > 0)
        {
            sensitive.Add(text);
        }
    }

    /// <summary>Returns <paramref name="message"/> with every sensitive text replaced by <c>[redacted]</c>.</summary>
    public string Redact(string message) =>
        sensitive.Aggregate(message, (m, s) => m.Replace(s, "[redacted]", StringComparison.Ordinal));

    /// <summary>Prints the API's JSON, indented.</summary>
    public void WriteJson(JsonElement json) => JsonOutput.Write(Io.Out, json.WriteTo);

    public void Dispose() => client?.Dispose();
}
