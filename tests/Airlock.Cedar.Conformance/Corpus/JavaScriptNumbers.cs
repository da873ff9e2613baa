using System.Text;
using System.Text.Json;

namespace Airlock.Cedar.Conformance.Corpus;

/// <summary>
/// Finds integers that JavaScript cannot hold exactly (beyond ±(2^53 - 1)): the reference engine runs in node,
/// so such data reaches it rounded, and the tests holding it are the ones it cannot reproduce.
/// </summary>
public static class JavaScriptNumbers
{
    private const long MaxSafeInteger = (1L << 53) - 1;

    /// <summary>True when the test's entities or any request context holds an integer beyond ±(2^53 - 1).</summary>
    public static bool HasUnsafeIntegers(CorpusTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return HasUnsafeIntegers(test.Entities) || test.Requests.Any(r => HasUnsafeIntegers(r.ContextJson));
    }

    /// <summary>True when the JSON text holds an integer beyond ±(2^53 - 1), or is not JSON at all.</summary>
    public static bool HasUnsafeIntegers(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 4096 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number && !(reader.TryGetInt64(out var n) && n is >= -MaxSafeInteger and <= MaxSafeInteger))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }

        return false;
    }
}
