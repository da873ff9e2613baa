using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Core.Leaks.Sse;

/// <summary>
/// Every other string of an event this redactor reads is redacted whole, as decoded text. The byte-level redactor
/// would find most of these in the event's bytes, but not a secret the model wrote JSON-escaped (a tool call's
/// arguments), which the event escapes a second time; redacting the decoded text here keeps the full text that
/// <c>.done</c> and <c>response.completed</c> repeat equal to the concatenated deltas.
/// </summary>
public sealed partial class SseDeltaRedactor
{
    // Strings already found clean (ids, model names, object types repeat in every event), bounded in count and size.
    private const int CleanStringCacheCount = 64;
    private const int CleanStringCacheLength = 256;

    private readonly ArrayBufferWriter<byte> _wholeString = new(256);
    private readonly HashSet<string> _cleanStrings = new(StringComparer.Ordinal);

    // This event's whole-string redactions, counted once the event is applied (it may yet pass through unread).
    private readonly List<RedactionCount> _wholeStringCounts = [];
    private bool _wholeStringsChanged;

    /// <summary>Redacts every string in <paramref name="node"/> except the delta fields; true when one changed.</summary>
    private bool RedactWholeStrings(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (property, child) = obj.GetAt(i);
                    if (IsDeltaField(obj, property))
                    {
                        continue;
                    }

                    if (RedactString(child) is { } redacted)
                    {
                        obj.SetAt(i, redacted);
                        changed = true;
                    }
                    else
                    {
                        changed |= RedactWholeStrings(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (RedactString(array[i]) is { } redacted)
                    {
                        array[i] = redacted;
                        changed = true;
                    }
                    else
                    {
                        changed |= RedactWholeStrings(array[i]);
                    }
                }

                break;
        }

        return changed;
    }

    private bool IsDeltaField(JsonObject owner, string property)
    {
        foreach (var field in _event.Fields)
        {
            if (ReferenceEquals(field.Owner, owner) && field.Property == property)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The redacted value of a string node, or <c>null</c> when it is not a string or holds nothing to redact.</summary>
    private JsonValue? RedactString(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>();
        if (text.Length == 0 || _cleanStrings.Contains(text))
        {
            return null;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        using var redactor = _set.CreateRedactor();
        try
        {
            _wholeString.ResetWrittenCount();
            redactor.Process(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)), _wholeString);
            redactor.Flush(_wholeString);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        if (redactor.TotalRedactions == 0)
        {
            if (text.Length <= CleanStringCacheLength)
            {
                if (_cleanStrings.Count == CleanStringCacheCount)
                {
                    _cleanStrings.Clear();
                }

                _cleanStrings.Add(text);
            }

            return null;
        }

        _wholeStringCounts.AddRange(redactor.Redactions);
        return JsonValue.Create(Encoding.UTF8.GetString(_wholeString.WrittenSpan));
    }
}
