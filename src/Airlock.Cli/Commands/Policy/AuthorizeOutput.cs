using System.Text.Json;
using Airlock.Cedar;
using Airlock.Cedar.Values;
using Airlock.Cli.Input;
using Airlock.Cli.Output;

namespace Airlock.Cli.Commands.Policy;

/// <summary>Prints an <see cref="AuthorizationResponse"/> with the file, line and annotations of each policy it names.</summary>
internal static class AuthorizeOutput
{
    /// <summary>Writes the decision, the determining policies and the policies that errored.</summary>
    public static void WriteText(TextWriter output, AuthorizationResponse response, PolicyCollection policies)
    {
        output.WriteLine($"decision: {(response.IsAllowed ? "allow" : "deny")}");
        if (response.DeterminingPolicies.Count == 0)
        {
            output.WriteLine("no policy applied: nothing permits this request, so it is denied by default");
        }
        else
        {
            output.WriteLine(response.IsAllowed ? "permitted by:" : "forbidden by:");
            foreach (var id in response.DeterminingPolicies)
            {
                output.WriteLine($"  {Describe(id, policies)}");
            }
        }

        if (response.Errors.Count > 0)
        {
            output.WriteLine("errors (these policies were skipped):");
            foreach (var error in response.Errors)
            {
                output.WriteLine($"  {Describe(error.PolicyId, policies)}: {error.Message}");
            }
        }
    }

    /// <summary>Writes <c>{"decision", "determiningPolicies": [{"id","file","line","column","annotations"}], "errors": [{"policy","file","line","column","message"}]}</c>.</summary>
    public static void WriteJson(TextWriter output, AuthorizationResponse response, PolicyCollection policies) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("decision", response.IsAllowed ? "allow" : "deny");
            json.WriteStartArray("determiningPolicies");
            foreach (var id in response.DeterminingPolicies)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                WriteOrigin(json, policies.Find(id));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var error in response.Errors)
            {
                json.WriteStartObject();
                json.WriteString("policy", error.PolicyId);
                WriteOrigin(json, policies.Find(error.PolicyId));
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    // `policy0 at rules.cedar:3:1 @id("owner-read") @reason("owners read their documents")`
    private static string Describe(string id, PolicyCollection policies)
    {
        var origin = policies.Find(id);
        if (origin is null)
        {
            return id;
        }

        var annotations = origin.Policy.Annotations.Select(a => a.Value is null ? $"@{a.Key}" : $"@{a.Key}({CedarString.Quote(a.Value)})");
        return string.Join(' ', [$"{id} at {origin.Location}", .. annotations]);
    }

    private static void WriteOrigin(Utf8JsonWriter json, PolicyOrigin? origin)
    {
        json.StringOrNull("file", origin?.File);
        json.PositionOrNull("line", origin?.Line ?? 0);
        json.PositionOrNull("column", origin?.Column ?? 0);
        json.WriteStartObject("annotations");
        foreach (var a in origin?.Policy.Annotations ?? [])
        {
            json.WriteString(a.Key, a.ValueOrEmpty);
        }

        json.WriteEndObject();
    }
}
