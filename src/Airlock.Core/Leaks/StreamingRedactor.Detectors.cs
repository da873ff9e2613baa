using System.Buffers;

namespace Airlock.Core.Leaks;

/// <summary>Detector tokens: opened when a prefix is matched, extended byte by byte, settled when the run ends.</summary>
public sealed partial class StreamingRedactor
{
    private enum PemPhase : byte
    {
        Header,     // reading "-----BEGIN <label>-----"
        Body,       // base64 lines
        Footer,     // after five dashes: "END <label>-----" ends the block, anything else was another header
    }

    private void TryOpen(int prefix, long start, long p, in Window window)
    {
        var detector = _set.PrefixDetector[prefix];
        var prefixLength = _set.PrefixLength[prefix];
        if (start > 0)
        {
            var before = ByteAt(start - 1, in window);
            if (before >= 0 && _detectors[detector].BlocksStart[before])
            {
                return;
            }
        }

        for (var k = 0; k < _candidateCount; k++)
        {
            ref var open = ref _candidates[k];
            if (open.Start == start)
            {
                // "sk-ant-" seen after "sk-" at the same place: the longer prefix names the kind.
                if (open.PrefixLength < prefixLength)
                {
                    open.Detector = detector;
                    open.PrefixLength = prefixLength;
                }

                return;
            }

            // INVARIANT: at most one open token per detector. A later prefix of the same detector lies inside the open
            // token's run (its bytes are body bytes), where the byte before it blocks a start anyway; PEM blocks close
            // at their header's dashes before a second header's prefix can complete.
            if (open.Detector == detector)
            {
                return;
            }
        }

        _candidates[_candidateCount++] = new Candidate
        {
            Start = start,
            Detector = detector,
            PrefixLength = prefixLength,
            RunLength = (int)(p + 1 - start),
        };
    }

    private void StepCandidates(byte b, long p, in Window window)
    {
        for (var k = _candidateCount - 1; k >= 0; k--)
        {
            ref var c = ref _candidates[k];
            var detector = _detectors[c.Detector];
            if (!detector.Body[b])
            {
                Settle(k, RunEnded(k, in window));
                continue;
            }

            c.RunLength++;
            if (detector.IsPem)
            {
                StepPem(k, b, p, in window);
            }
            else if (c.RunLength > detector.MaxLength)
            {
                // Longer than any token of this kind: part of something else.
                Settle(k, 0);
            }
        }
    }

    private void StepPem(int k, byte b, long p, in Window window)
    {
        ref var c = ref _candidates[k];
        c.DashRun = b == (byte)'-' ? c.DashRun + 1 : 0;
        if (c.DashRun == 5)
        {
            switch (c.Phase)
            {
                case PemPhase.Header:
                    var header = Scratch(c.RunLength);
                    CopyRange(c.Start, p + 1, header, in window);
                    if (!CredentialDetector.IsPrivateKeyHeader(header.AsSpan(0, c.RunLength)))
                    {
                        Settle(k, 0);
                        return;
                    }

                    c.Phase = PemPhase.Body;
                    break;
                case PemPhase.Body:
                    c.Phase = PemPhase.Footer;
                    c.FooterMark = p + 1;
                    break;
                default:
                    if (ByteAt(c.FooterMark, in window) == 'E' && ByteAt(c.FooterMark + 1, in window) == 'N'
                        && ByteAt(c.FooterMark + 2, in window) == 'D' && ByteAt(c.FooterMark + 3, in window) == ' ')
                    {
                        Settle(k, c.RunLength);
                        return;
                    }

                    // Five dashes, a label, five dashes that were not a footer: another header; keep reading the body.
                    c.Phase = PemPhase.Body;
                    break;
            }
        }

        if (c.Phase == PemPhase.Header && c.RunLength > CredentialDetector.PemMaxHeaderLength)
        {
            Settle(k, 0);
        }
        else if (c.RunLength >= CredentialDetector.PemMaxLength)
        {
            // Fail closed: a private key header and 16 KiB without its footer is redacted to here.
            Settle(k, c.RunLength);
        }
    }

    /// <summary>The token length of candidate <paramref name="k"/> whose run has just ended (0: not a token).</summary>
    private int RunEnded(int k, in Window window)
    {
        ref var c = ref _candidates[k];
        var detector = _detectors[c.Detector];
        if (detector.IsPem)
        {
            // Fail closed: after a valid header, everything up to where the block breaks off is key material.
            return c.Phase == PemPhase.Header ? 0 : c.RunLength;
        }

        if (c.RunLength < detector.MinLength || c.RunLength > detector.MaxLength)
        {
            return 0;
        }

        if (detector.Validate is null)
        {
            return c.RunLength;
        }

        var run = Scratch(c.RunLength);
        CopyRange(c.Start, c.Start + c.RunLength, run, in window);
        return detector.Validate(run.AsSpan(0, c.RunLength));
    }

    /// <summary>Closes candidate <paramref name="k"/>; a token of <paramref name="length"/> &gt; 0 bytes becomes a pending match.</summary>
    private void Settle(int k, int length)
    {
        var c = _candidates[k];
        RemoveCandidate(k);
        if (length > 0)
        {
            AddPending(c.Start, length, ~c.Detector);
        }
    }

    /// <summary>Closes candidate <paramref name="k"/> at the end of the stream.</summary>
    private void Close(int k, in Window window) => Settle(k, RunEnded(k, in window));

    private void RemoveCandidate(int k)
    {
        _candidates[k] = _candidates[--_candidateCount];
        _candidates[_candidateCount] = default;
    }

    private byte[] Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
        {
            if (_scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(_scratch, clearArray: true);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(Math.Max(length, 512));
        }

        return _scratch;
    }

    private struct Candidate
    {
        public long Start;
        public int Detector;
        public int PrefixLength;
        public int RunLength;
        public int DashRun;
        public PemPhase Phase;
        public long FooterMark;
    }
}
