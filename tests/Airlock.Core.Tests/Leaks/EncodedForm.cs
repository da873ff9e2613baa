using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Web;

namespace Airlock.Core.Tests.Leaks;

/// <summary>
/// A secret as real encoders emit it (the BCL's own base64, hex, URL and JSON encoders, not Airlock's), with where the
/// secret's characters sit in the encoded text.
/// </summary>
internal sealed record EncodedForm(string Form, string Text, int Start, int Length, int Slack)
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions AllRangesJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public override string ToString() => Form;

    public static IReadOnlyList<EncodedForm> All(string secret, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        var forms = new List<EncodedForm>
        {
            Whole("raw", secret),
            Whole("hex", Convert.ToHexStringLower(bytes)),
            Whole("HEX", Convert.ToHexString(bytes)),
            Whole("Uri.EscapeDataString", Uri.EscapeDataString(secret)),
            Whole("WebUtility.UrlEncode", WebUtility.UrlEncode(secret)),
            Whole("HttpUtility.UrlEncode", HttpUtility.UrlEncode(secret)),
            Whole("form-urlencoded", FormEncode(secret)),
            Whole("percent every byte", string.Concat(bytes.Select(b => $"%{b:X2}"))),
            Whole("percent every byte lower", string.Concat(bytes.Select(b => $"%{b:x2}"))),
            Whole("System.Text.Json default", Json(secret, JsonSerializerOptions.Default)),
            Whole("System.Text.Json relaxed", Json(secret, RelaxedJson)),
            Whole("System.Text.Json all ranges", Json(secret, AllRangesJson)),
            Whole("JSON with escaped solidus", Json(secret, RelaxedJson).Replace("/", "\\/", StringComparison.Ordinal)),
        };

        for (var alignment = 0; alignment < 3; alignment++)
        {
            var blob = new byte[alignment + bytes.Length + random.Next(4)];
            random.NextBytes(blob);
            bytes.CopyTo(blob, alignment);

            // Characters that carry any bit of the secret; the first and last may mix in neighbouring bits.
            var start = 8 * alignment / 6;
            var end = ((8 * (alignment + bytes.Length)) + 5) / 6;
            var standard = Convert.ToBase64String(blob);
            forms.Add(new($"base64 at {alignment}", standard, start, end - start, 1));
            forms.Add(new($"base64url at {alignment}", Base64Url.EncodeToString(blob), start, end - start, 1));
            forms.Add(Escaped($"base64 at {alignment} in JSON", standard, start, end, s => Json(s, JsonSerializerOptions.Default), 6));
            forms.Add(Escaped($"base64 at {alignment} in a URL", standard, start, end, Uri.EscapeDataString, 3));
        }

        return forms;
    }

    private static EncodedForm Whole(string form, string text) => new(form, text, 0, text.Length, 0);

    private static EncodedForm Escaped(string form, string text, int start, int end, Func<string, string> escape, int slack) =>
        new(form, escape(text), escape(text[..start]).Length, escape(text[start..end]).Length, slack);

    private static string Json(string value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, options)[1..^1];

    private static string FormEncode(string value)
    {
        using var content = new FormUrlEncodedContent([new("k", value)]);
        return content.ReadAsStringAsync().GetAwaiter().GetResult()[2..];
    }
}
