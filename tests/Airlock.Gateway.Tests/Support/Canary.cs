using System.Text;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// Secret-looking values generated at test time from a printed seed (never committed), and the encodings in
/// which a leak would show up on disk or in output.
/// </summary>
internal static class Canary
{
    public static string New(string label, ITestOutputHelper? output = null)
    {
        var seed = Random.Shared.Next();
        output?.WriteLine($"canary seed for {label}: {seed}");
        var random = new Random(seed);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[40];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return $"canary_{label}_{new string(chars)}";
    }

    /// <summary>Byte patterns of <paramref name="value"/>: raw UTF-8, base64, hex (both cases) and UTF-16 (both byte orders).</summary>
    public static IEnumerable<(string Form, byte[] Bytes)> Forms(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        yield return ("raw", utf8);
        yield return ("base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(utf8)));
        yield return ("hex-lower", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(utf8)));
        yield return ("hex-upper", Encoding.ASCII.GetBytes(Convert.ToHexString(utf8)));
        yield return ("utf16-le", Encoding.Unicode.GetBytes(value));
        yield return ("utf16-be", Encoding.BigEndianUnicode.GetBytes(value));
    }

    /// <summary>Every file under <paramref name="directory"/> and every given text that contains any form of any value.</summary>
    public static IReadOnlyList<string> FindLeaks(string directory, IEnumerable<string> values, IEnumerable<string>? texts = null)
    {
        var forms = values.SelectMany(v => Forms(v).Select(f => (Value: v, f.Form, f.Bytes))).ToArray();
        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (FileNotFoundException)
            {
                continue; // SQLite removed it (-shm, -wal) after the listing: what it held is in the files still there
            }

            leaks.AddRange(forms.Where(f => bytes.AsSpan().IndexOf(f.Bytes) >= 0).Select(f => $"{Path.GetFileName(file)} holds {f.Form} form"));
        }

        foreach (var text in texts ?? [])
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            leaks.AddRange(forms.Where(f => bytes.AsSpan().IndexOf(f.Bytes) >= 0).Select(f => $"output holds {f.Form} form"));
        }

        return leaks;
    }
}
