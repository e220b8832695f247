using System.Globalization;
using System.Numerics;

namespace Pipeline.Core.Enrichment;

/// <summary>Compares <see cref="ContentFingerprint"/>s.</summary>
public static class NearDuplicate
{
    /// <summary>
    /// The customary SimHash threshold for 64-bit fingerprints (Manku et al., 2007): it accepts a retitled copy or a
    /// corrected typo. Each changed sentence of a short story moves its fingerprint several bits (7 for one shortened
    /// sentence in a 200-word BBC story), so callers that want edited versions too can pass a larger distance; on the
    /// BBC corpus, different stories are never closer than 13 bits.
    /// </summary>
    public const int DefaultMaxDistance = 3;

    /// <summary>Number of bits in which two fingerprints differ, 0 to 64.</summary>
    /// <exception cref="FormatException">A fingerprint is not 16 hex digits.</exception>
    public static int HammingDistance(string a, string b) => BitOperations.PopCount(Parse(a) ^ Parse(b));

    public static bool IsNearDuplicate(string a, string b, int maxDistance = DefaultMaxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        return HammingDistance(a, b) <= maxDistance;
    }

    private static ulong Parse(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (fingerprint.Length != 16
            || !ulong.TryParse(fingerprint, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"A fingerprint is 16 hex digits, not '{fingerprint}'.");
        }

        return value;
    }
}
