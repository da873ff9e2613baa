using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Airlock.Core.Audit;

/// <summary>
/// The one byte encoding of an <see cref="AuditRecord"/>, hashed as the Merkle leaf: UTF-8 JSON without
/// whitespace, every member present in a fixed order (absent values as null), times as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, enums in lower case. <see cref="Decode"/> accepts only that shape: a
/// member out of order, unknown, missing or repeated is refused, so what a reader shows is what was hashed.
/// </summary>
public static class AuditRecordEncoding
{
    /// <summary>
    /// The version of this encoding, the first member of every record. Version 2 added the LLM members after
    /// <c>redactions</c>; version 1 records (without them) are still read, so older logs keep verifying.
    /// </summary>
    public const int Version = 2;

    /// <summary>The largest encoded record accepted.</summary>
    public const int MaxBytes = 64 * 1024;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Relaxed escaping keeps non-ASCII text readable; the bytes written are what is hashed, so a later
        // change of escaping rules would only change new records, never invalidate stored ones.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static byte[] Encode(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Validate(record);
        using var buffer = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("v", Version);
            w.WriteNumber("seq", record.Sequence);
            w.WriteString("kind", record.Kind == AuditRecordKind.Decision ? "decision" : "outcome");
            w.WriteString("time", record.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            WriteString(w, "session", record.SessionId);
            WriteString(w, "agent", record.AgentId);
            WriteString(w, "user", record.UserId);
            WriteList(w, "chain", record.DelegationChain);
            WriteString(w, "method", record.Method);
            WriteString(w, "service", record.Service);
            WriteString(w, "path", record.Path);
            WriteString(w, "params", record.ParametersDigest);
            WriteString(w, "intent", record.Intent);
            WriteString(w, "reason", record.Reason);
            WriteString(w, "decision", record.Decision switch
            {
                null => null,
                AuditDecision.Permit => "permit",
                AuditDecision.Deny => "deny",
                _ => "error",
            });
            WriteList(w, "policies", record.Policies);
            WriteList(w, "errors", record.Errors);
            WriteNumber(w, "decisionSeq", record.DecisionSequence);
            WriteNumber(w, "status", record.Status);
            WriteNumber(w, "bytesIn", record.BytesIn);
            WriteNumber(w, "bytesOut", record.BytesOut);
            WriteNumber(w, "latencyMs", record.LatencyMs);
            WriteNumber(w, "redactionCount", record.RedactionCount);
            WriteList(w, "redactions", record.Redactions);
            WriteString(w, "model", record.Model);
            WriteNumber(w, "inputTokens", record.InputTokens);
            WriteNumber(w, "outputTokens", record.OutputTokens);
            WriteNumber(w, "costMicros", record.CostMicros);
            w.WriteEndObject();
        }

        var bytes = buffer.ToArray();
        if (bytes.Length > MaxBytes)
        {
            throw new ArgumentException($"an audit record is at most {MaxBytes} bytes encoded; this one is {bytes.Length}", nameof(record));
        }

        return bytes;
    }

    /// <summary>Reads a record written by <see cref="Encode"/>; <see cref="FormatException"/> for anything else.</summary>
    public static AuditRecord Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            var r = new Utf8JsonReader(data, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 });
            Expect(ref r, JsonTokenType.StartObject);
            var version = ReadLong(ref r, "v");
            if (version is not (1 or Version))
            {
                throw new FormatException($"unknown audit record version; this build reads versions 1 to {Version}");
            }

            var record = new AuditRecord
            {
                Sequence = ReadLong(ref r, "seq") ?? throw new FormatException("seq is null"),
                Kind = ReadString(ref r, "kind") switch
                {
                    "decision" => AuditRecordKind.Decision,
                    "outcome" => AuditRecordKind.Outcome,
                    _ => throw new FormatException("unknown kind"),
                },
                Time = DateTimeOffset.ParseExact(
                    ReadString(ref r, "time") ?? throw new FormatException("time is null"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                SessionId = ReadString(ref r, "session"),
                AgentId = ReadString(ref r, "agent"),
                UserId = ReadString(ref r, "user"),
                DelegationChain = ReadList(ref r, "chain"),
                Method = ReadString(ref r, "method"),
                Service = ReadString(ref r, "service"),
                Path = ReadString(ref r, "path"),
                ParametersDigest = ReadString(ref r, "params"),
                Intent = ReadString(ref r, "intent"),
                Reason = ReadString(ref r, "reason"),
                Decision = ReadString(ref r, "decision") switch
                {
                    null => null,
                    "permit" => AuditDecision.Permit,
                    "deny" => AuditDecision.Deny,
                    "error" => AuditDecision.Error,
                    _ => throw new FormatException("unknown decision"),
                },
                Policies = ReadList(ref r, "policies"),
                Errors = ReadList(ref r, "errors"),
                DecisionSequence = ReadLong(ref r, "decisionSeq"),
                Status = checked((int?)ReadLong(ref r, "status")),
                BytesIn = ReadLong(ref r, "bytesIn"),
                BytesOut = ReadLong(ref r, "bytesOut"),
                LatencyMs = ReadLong(ref r, "latencyMs"),
                RedactionCount = checked((int?)ReadLong(ref r, "redactionCount")),
                Redactions = ReadList(ref r, "redactions"),
            };
            if (version >= 2)
            {
                record = record with
                {
                    Model = ReadString(ref r, "model"),
                    InputTokens = ReadLong(ref r, "inputTokens"),
                    OutputTokens = ReadLong(ref r, "outputTokens"),
                    CostMicros = ReadLong(ref r, "costMicros"),
                };
            }

            Expect(ref r, JsonTokenType.EndObject);
            if (r.Read())
            {
                throw new FormatException("bytes after the record");
            }

            return record;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or OverflowException)
        {
            throw new FormatException("not an audit record in the canonical encoding", e);
        }
    }

    private static void Validate(AuditRecord record)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(record.Sequence);
        if (record.Kind == AuditRecordKind.Decision && record.Decision is null)
        {
            throw new ArgumentException("a decision record needs a decision", nameof(record));
        }

        if (record.Kind == AuditRecordKind.Outcome && record.DecisionSequence is null)
        {
            throw new ArgumentException("an outcome record names its decision record", nameof(record));
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (!r.Read() || r.TokenType != type)
        {
            throw new FormatException($"expected {type}");
        }
    }

    private static void Property(ref Utf8JsonReader r, string name)
    {
        Expect(ref r, JsonTokenType.PropertyName);
        if (!r.ValueTextEquals(name))
        {
            throw new FormatException($"expected member `{name}` here");
        }

        if (!r.Read())
        {
            throw new FormatException($"member `{name}` has no value");
        }
    }

    private static string? ReadString(ref Utf8JsonReader r, string name)
    {
        Property(ref r, name);
        return r.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => r.GetString(),
            _ => throw new FormatException($"`{name}` is not a string"),
        };
    }

    private static long? ReadLong(ref Utf8JsonReader r, string name)
    {
        Property(ref r, name);
        return r.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when r.TryGetInt64(out var value) => value,
            _ => throw new FormatException($"`{name}` is not an integer"),
        };
    }

    private static string[] ReadList(ref Utf8JsonReader r, string name)
    {
        Property(ref r, name);
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException($"`{name}` is not a list");
        }

        var values = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            values.Add(r.TokenType == JsonTokenType.String ? r.GetString()! : throw new FormatException($"`{name}` holds a non-string"));
        }

        return [.. values];
    }
}
