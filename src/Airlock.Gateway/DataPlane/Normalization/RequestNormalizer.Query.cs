namespace Airlock.Gateway.DataPlane.Normalization;

public static partial class RequestNormalizer
{
    /// <summary>
    /// The query is kept exactly as sent, so policy sees what the upstream gets; it must only be unambiguous to read:
    /// visible ASCII (the target check already refused controls, spaces, non-ASCII and <c>#</c>), every <c>%</c>
    /// followed by two hex digits, and no <c>%00</c>, which truncates strings in C-based upstreams.
    /// </summary>
    private static NormalizationFailure? CheckQuery(string query)
    {
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] != '%')
            {
                continue;
            }

            if (!TryHexByte(query, i, out var b))
            {
                return new(NormalizationFailure.InvalidQuery, "the query has a `%` that is not followed by two hex digits; write a literal `%` as `%25`");
            }

            if (b == 0)
            {
                return new(NormalizationFailure.InvalidQuery, "the query contains `%00` (NUL); remove it");
            }

            i += 2;
        }

        return null;
    }
}
