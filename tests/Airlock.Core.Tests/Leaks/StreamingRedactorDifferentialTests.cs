using System.Text;
using Airlock.Core.Leaks;
using Airlock.Core.Tests.Support;

namespace Airlock.Core.Tests.Leaks;

/// <summary>
/// The streaming redactor against a brute-force reference (every occurrence of every pattern, then leftmost-longest
/// with overlaps absorbed), on random mixtures of encoded secrets, their fragments and noise, in random chunkings.
/// </summary>
public sealed class StreamingRedactorDifferentialTests
{
    private readonly TestData _some = new();
    private readonly Random _random;

    public StreamingRedactorDifferentialTests() => _random = new Random(_some.Seed);

    [Fact]
    public void Process_RandomMixtures_MatchTheBruteForceReference()
    {
        for (var round = 0; round < 60; round++)
        {
            var secrets = Enumerable.Range(0, _random.Next(1, 5))
                .Select(i => new LeakSecret($"s{i}", Encoding.UTF8.GetBytes(_random.Next(3) == 0 ? _some.AwkwardSecret() : _some.Word(_random.Next(8, 20)))))
                .ToArray();
            var set = SecretPatternSet.Build(secrets, CredentialDetectors.None);
            var patterns = secrets
                .Select((s, i) => (Index: i, s.Name, s.Value))
                .SelectMany(s => SecretEncodings.Variants(s.Value.Span).Select(v => (s.Index, s.Name, v.Bytes)))
                .ToList();
            var input = Mixture(patterns.Select(p => p.Bytes).ToList());
            var expected = Reference(input, patterns);

            for (var chunking = 0; chunking < 8; chunking++)
            {
                var cuts = chunking == 0 ? [] : LeakTestKit.RandomCuts(_random, input.Length, chunking * 8);
                var actual = LeakTestKit.Redact(set, input, cuts).Output;
                Assert.True(
                    expected.AsSpan().SequenceEqual(actual),
                    $"round {round}, cuts {string.Join(",", cuts)} (seed {_some.Seed})\nexpected {Encoding.UTF8.GetString(expected)}\nactual   {Encoding.UTF8.GetString(actual)}");
            }

            Assert.Equal(expected, LeakTestKit.RedactBytewise(set, input));
        }
    }

    private byte[] Mixture(List<byte[]> patterns)
    {
        var output = new List<byte>();
        for (var piece = 0; piece < 40; piece++)
        {
            var pattern = patterns[_random.Next(patterns.Count)];
            switch (_random.Next(6))
            {
                case 0:
                    output.AddRange(pattern);
                    break;
                case 1:
                    output.AddRange(pattern.Take(_random.Next(1, pattern.Length)));
                    break;
                case 2:
                    var flipped = (byte[])pattern.Clone();
                    flipped[_random.Next(flipped.Length)] ^= 1;
                    output.AddRange(flipped);
                    break;
                case 3:
                    output.AddRange(pattern.Skip(_random.Next(1, pattern.Length)));
                    break;
                case 4:
                    var noise = new byte[_random.Next(1, 12)];
                    _random.NextBytes(noise);
                    output.AddRange(noise);
                    break;
                default:
                    output.AddRange(Encoding.ASCII.GetBytes(_some.Word(_random.Next(1, 6)) + (_random.Next(2) == 0 ? " " : "\n\n")));
                    break;
            }
        }

        return [.. output];
    }

    private static byte[] Reference(byte[] input, List<(int Index, string Name, byte[] Bytes)> patterns)
    {
        // Identical byte strings belong to the first secret by name, as in the set.
        var owners = new Dictionary<string, (int Index, string Name)>();
        foreach (var p in patterns.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            owners.TryAdd(Convert.ToHexString(p.Bytes), (p.Index, p.Name));
        }

        var occurrences = new List<(int Start, int End, int Owner, string Name)>();
        foreach (var p in patterns)
        {
            var owner = owners[Convert.ToHexString(p.Bytes)];
            for (var s = 0; s + p.Bytes.Length <= input.Length; s++)
            {
                if (input.AsSpan(s, p.Bytes.Length).SequenceEqual(p.Bytes))
                {
                    occurrences.Add((s, s + p.Bytes.Length, owner.Index, owner.Name));
                }
            }
        }

        occurrences = [.. occurrences.Distinct().OrderBy(o => o.Start).ThenByDescending(o => o.End)];
        var output = new List<byte>();
        var cursor = 0;
        var regionOwners = new List<int>();
        foreach (var (start, end, owner, name) in occurrences)
        {
            if (start < cursor)
            {
                if (end > cursor)
                {
                    if (!regionOwners.Contains(owner))
                    {
                        output.AddRange(Encoding.ASCII.GetBytes($"[REDACTED:{name}]"));
                        regionOwners.Add(owner);
                    }

                    cursor = end;
                }

                continue;
            }

            output.AddRange(input.AsSpan(cursor, start - cursor).ToArray());
            output.AddRange(Encoding.ASCII.GetBytes($"[REDACTED:{name}]"));
            cursor = end;
            regionOwners = [owner];
        }

        output.AddRange(input.AsSpan(cursor).ToArray());
        return [.. output];
    }
}
