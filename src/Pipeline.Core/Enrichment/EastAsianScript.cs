namespace Pipeline.Core.Enrichment;

/// <summary>Tells Chinese, Japanese and Korean apart by script, for text written mostly in them.</summary>
internal static class EastAsianScript
{
    /// <summary>"ja", "ko" or "zh" when most letters are Han, kana or Hangul; otherwise null.</summary>
    public static string? Identify(string text)
    {
        int letters = 0, han = 0, kana = 0, hangul = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (c is (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9D'))
            {
                kana++;
            }
            else if (c is (>= '\uAC00' and <= '\uD7AF') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F'))
            {
                hangul++;
            }
            else if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF'))
            {
                han++;
            }
        }

        if (letters == 0 || (han + kana + hangul) * 2 < letters)
        {
            return null;
        }

        // Japanese prose mixes kana into nearly every sentence; Korean is written almost entirely in Hangul.
        if (hangul >= kana && hangul * 2 >= han)
        {
            return "ko";
        }

        return kana * 20 >= han + kana ? "ja" : "zh";
    }
}
