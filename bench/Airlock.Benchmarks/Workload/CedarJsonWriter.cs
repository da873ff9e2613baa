using System.Globalization;
using System.Text;
using System.Text.Json;
using Airlock.Cedar;
using Airlock.Cedar.Extensions;
using Airlock.Cedar.Values;

namespace Airlock.Benchmarks.Workload;

/// <summary>
/// Writes entities, requests and values in Cedar's schema-less JSON format (<c>__entity</c> and <c>__extn</c>
/// escapes), which both Airlock and the reference engine read, so the two load exactly the same data.
/// </summary>
internal static class CedarJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static string Entities(IEnumerable<Entity> entities) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var e in entities)
        {
            json.WriteStartObject();
            json.WritePropertyName("uid");
            Uid(json, e.Uid);
            json.WritePropertyName("attrs");
            Value(json, e.Attributes);
            json.WriteStartArray("parents");
            foreach (var p in e.Parents)
            {
                Uid(json, p);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>A list of requests: <c>[{"principal", "action", "resource", "context"}]</c>.</summary>
    public static string Requests(IEnumerable<Request> requests) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var r in requests)
        {
            json.WriteStartObject();
            json.WritePropertyName("principal");
            Uid(json, r.Principal);
            json.WritePropertyName("action");
            Uid(json, r.Action);
            json.WritePropertyName("resource");
            Uid(json, r.Resource);
            json.WritePropertyName("context");
            Value(json, r.Context);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static void Uid(Utf8JsonWriter json, EntityUid uid)
    {
        json.WriteStartObject();
        json.WriteString("type", uid.Type);
        json.WriteString("id", uid.Id);
        json.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter json, Value value)
    {
        switch (value)
        {
            case BoolValue b:
                json.WriteBooleanValue(b.Value);
                break;
            case LongValue l:
                json.WriteNumberValue(l.Value);
                break;
            case StringValue s:
                json.WriteStringValue(s.Value);
                break;
            case EntityValue e:
                json.WriteStartObject();
                json.WritePropertyName("__entity");
                Uid(json, e.Uid);
                json.WriteEndObject();
                break;
            case SetValue set:
                json.WriteStartArray();
                foreach (var element in set.Elements)
                {
                    Value(json, element);
                }

                json.WriteEndArray();
                break;
            case RecordValue record:
                json.WriteStartObject();
                foreach (var (name, v) in record.Attributes)
                {
                    json.WritePropertyName(name);
                    Value(json, v);
                }

                json.WriteEndObject();
                break;
            case IpAddrValue { IsIpv4: true } ip:
                json.WriteStartObject();
                json.WriteStartObject("__extn");
                json.WriteString("fn", "ip");
                json.WriteString("arg", Ipv4(ip));
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            default:
                throw new NotSupportedException($"the workload writes no {value.Kind} values");
        }
    }

    private static string Ipv4(IpAddrValue ip)
    {
        var a = (uint)ip.Address;
        var address = string.Create(CultureInfo.InvariantCulture, $"{a >> 24}.{(a >> 16) & 0xFF}.{(a >> 8) & 0xFF}.{a & 0xFF}");
        return ip.PrefixLength == 32 ? address : address + "/" + ip.PrefixLength.ToString(CultureInfo.InvariantCulture);
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            body(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
