using System.Text;
using Lingua;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// Identifies the language of an article's text as an ISO 639-1 code, or says nothing when it cannot tell.
/// </summary>
/// <remarks>
/// Built on Lingua (SearchPioneer.Lingua, a port of lingua-rs): letter n-gram models trained on a million sentences of
/// news per language, plus rules for scripts that belong to one language (Hangul, Kana, Greek, Hebrew …) and letters
/// that narrow the choice (ß, ñ, ї …). It runs in low-accuracy mode, which uses trigrams only: Lingua documents that
/// mode as mostly unaffected in accuracy above 120 characters, which nearly every article has, and it keeps memory at
/// about 30 MB and the models shipped at 4.6 MB instead of 72 MB. Only <see cref="SampleLength"/> characters are read:
/// an article does not change language halfway, and detection time grows with the text (about 1 ms for this sample).
/// </remarks>
public static class LanguageIdentifier
{
    /// <summary>Characters of text examined: about 80 words, from its longest paragraphs.</summary>
    public const int SampleLength = 500;

    /// <summary>Fewer letters than this is too little to tell (a headline, a caption, a product name).</summary>
    public const int MinimumLetters = 20;

    /// <summary>Lingua's confidence (0–1) below which the answer is "unknown" rather than a guess.</summary>
    public const double MinimumConfidence = 0.9;

    /// <summary>
    /// The languages told apart: the most used on the web and in news, in every script Lingua reads. Fewer languages make
    /// detection faster and better among those that remain; a text in another language comes out as unknown or as its
    /// closest relative here (Croatian as Slovak, say).
    /// </summary>
    private static readonly Language[] Languages =
    [
        Language.English, Language.German, Language.French, Language.Spanish, Language.Italian, Language.Portuguese,
        Language.Dutch, Language.Swedish, Language.Danish, Language.Bokmal, Language.Finnish, Language.Polish,
        Language.Czech, Language.Slovak, Language.Romanian, Language.Hungarian, Language.Turkish, Language.Indonesian,
        Language.Vietnamese, Language.Catalan, Language.Greek, Language.Russian, Language.Ukrainian, Language.Bulgarian,
        Language.Arabic, Language.Persian, Language.Urdu, Language.Hebrew, Language.Hindi, Language.Thai,
    ];

    // Chinese, Japanese and Korean are not in Lingua's list: Lingua ships no trigram models for them, and once a text
    // with Han characters made it weigh Japanese against Chinese it tried to load one and threw (found by the soak).
    // Their scripts tell them apart instead: kana is Japanese only, Hangul Korean only, Han without either Chinese.
    private static readonly string[] EastAsianCodes = ["ja", "zh", "ko"];

    // Models load lazily per language on first use and are shared process-wide by Lingua.
    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build());

    /// <summary>ISO 639-1 codes of the languages that can be identified.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = [.. Languages.Select(Code), .. EastAsianCodes];

    /// <summary>The language of <paramref name="text"/> ("en", "de", "ja" …), or null when it is unclear.</summary>
    public static string? Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = Sample(text);
        if (CountLetters(sample) < MinimumLetters)
        {
            return null;
        }

        if (EastAsianScript.Identify(sample) is { } eastAsian)
        {
            return eastAsian;
        }

        // Most articles are in a handful of languages whose function words settle the question in microseconds; the
        // n-gram models (about 1-3 ms a sample) are for everything else.
        if (FunctionWordGuess.Guess(sample) is { } guess)
        {
            return guess;
        }

        var best = Detector.Value.ComputeLanguageConfidenceValues(sample).FirstOrDefault();
        return best.Key is not Language.Unknown && best.Value >= MinimumConfidence ? Code(best.Key) : null;
    }

    /// <summary>
    /// Text from the longest paragraphs: captions, credits, menus and bylines are short and often in another language
    /// than the article ("Photo Credit Getty Images"), while the article's prose sits in its long paragraphs.
    /// </summary>
    private static string Sample(string text)
    {
        if (text.Length <= SampleLength)
        {
            return text;
        }

        var sample = new StringBuilder(SampleLength + 1);
        var longestFirst = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderByDescending(paragraph => paragraph.Length);
        foreach (var paragraph in longestFirst)
        {
            if (sample.Length + paragraph.Length >= SampleLength)
            {
                var cut = paragraph.LastIndexOf(' ', Math.Max(0, SampleLength - sample.Length - 1));
                sample.Append(paragraph, 0, cut > 0 ? cut : Math.Min(paragraph.Length, SampleLength - sample.Length));
                break;
            }

            sample.Append(paragraph).Append('\n');
        }

        return sample.ToString();
    }

    private static int CountLetters(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters;
    }

    private static string Code(Language language) => language.IsoCode6391().ToString().ToLowerInvariant();
}
