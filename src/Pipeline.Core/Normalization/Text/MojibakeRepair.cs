using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Pipeline.Core.Normalization.Text;

/// <summary>
/// Repairs text that went through UTF-8 → Windows-1252 → UTF-8 somewhere upstream ("Itâ€™s" for "It’s", "cafÃ©" for
/// "café", "Â£5" for "£5"): a classic of scraped and re-exported articles.
/// </summary>
/// <remarks>
/// Each run that looks like the Windows-1252 reading of a UTF-8 multi-byte sequence (a lead byte Â–ô followed by the
/// right number of continuation bytes, 0x80–0xBF as Windows-1252 shows them) is turned back into its bytes and
/// decoded as UTF-8. Only a run that makes exactly one valid UTF-8 character per sequence is replaced, so real
/// accented text ("naïve", "Ångström", "Â" on its own) is left alone; the repair works run by run, so it also fixes
/// mojibake inside text that holds characters Windows-1252 does not have.
/// </remarks>
internal static partial class MojibakeRepair
{
    private static readonly Encoding Windows1252 = SingleByteEncodingGuesser.Windows1252;

    // What Windows-1252 shows for the bytes 0x80–0xBF (UTF-8 continuation bytes), as a character class.
    private static readonly string ContinuationClass = BuildContinuationClass();

    private static readonly Regex Suspect = new(
        "[\u00C2-\u00DF][" + ContinuationClass + "]" +
        "|[\u00E0-\u00EF][" + ContinuationClass + "]{2}" +
        "|[\u00F0-\u00F4][" + ContinuationClass + "]{3}",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayContainMojibake(text))
        {
            return text;
        }

        return Suspect.Replace(text, match =>
        {
            var bytes = Windows1252.GetBytes(match.Value);
            // Windows-1252 has no character for five of the bytes; a run that does not round-trip is not mojibake.
            if (Windows1252.GetString(bytes) != match.Value || !Utf8.IsValid(bytes))
            {
                return match.Value;
            }

            var decoded = Encoding.UTF8.GetString(bytes);
            return decoded.EnumerateRunes().Count() == 1 ? decoded : match.Value;
        });
    }

    private static bool MayContainMojibake(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00C2' and <= '\u00F4')
            {
                return true;
            }
        }

        return false;
    }

    private static string BuildContinuationClass()
    {
        var continuation = new byte[0xC0 - 0x80];
        for (var i = 0; i < continuation.Length; i++)
        {
            continuation[i] = (byte)(0x80 + i);
        }

        var characters = Windows1252.GetString(continuation).Distinct();
        return string.Concat(characters.Select(c => $"\\u{(int)c:X4}"));
    }
}
