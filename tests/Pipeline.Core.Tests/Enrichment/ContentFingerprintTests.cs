using Pipeline.Core.Enrichment;

namespace Pipeline.Core.Tests.Enrichment;

/// <summary>
/// SimHash fingerprints on the BBC corpus, which holds the same stories more than once: byte-identical copies,
/// retitled copies and lightly edited versions.
/// </summary>
public sealed class ContentFingerprintTests
{
    private static string Fingerprint(string category, int number) =>
        ContentFingerprint.Compute(EnrichmentInput.Paragraphs(EnrichmentInput.Bbc(category, number)));

    [Fact]
    public void Identical_bbc_duplicates_have_identical_fingerprints()
    {
        var first = Fingerprint("business", 7);

        Assert.Equal(first, Fingerprint("business", 253));
        Assert.Matches("^[0-9a-f]{16}$", first);
    }

    [Fact]
    public void Retitled_bbc_story_has_the_same_fingerprint()
    {
        // "Foxx and Swank win US awards" and "Foxx and Swank take actors awards" over the same text.
        Assert.Equal(Fingerprint("entertainment", 51), Fingerprint("entertainment", 69));
    }

    [Fact]
    public void Near_duplicate_story_is_within_three_bits()
    {
        // entertainment/341 is 102 with "Akira Hurosawa" corrected to "Akira Kurosawa".
        var original = Fingerprint("entertainment", 102);
        var corrected = Fingerprint("entertainment", 341);

        Assert.NotEqual(original, corrected);
        Assert.InRange(NearDuplicate.HammingDistance(original, corrected), 1, 3);
        Assert.True(NearDuplicate.IsNearDuplicate(original, corrected));
    }

    [Fact]
    public void Story_with_a_rewritten_sentence_stays_closer_than_any_two_different_stories()
    {
        // entertainment/331 is 079 with the end of one sentence cut ("… where some of the film's scenes were set").
        var distance = NearDuplicate.HammingDistance(Fingerprint("entertainment", 79), Fingerprint("entertainment", 331));

        Assert.InRange(distance, 4, 12);
    }

    [Fact]
    public void Different_bbc_stories_are_far_apart()
    {
        var fingerprints = Enumerable.Range(1, 30).Select(number => (number, Fingerprint: Fingerprint("business", number))).ToList();

        var closest = fingerprints
            .SelectMany(a => fingerprints.Where(b => b.number > a.number).Select(b => NearDuplicate.HammingDistance(a.Fingerprint, b.Fingerprint)))
            .Min();

        Assert.True(closest >= 13, $"closest pair of different stories is {closest} bits apart");
    }

    [Fact]
    public void Text_without_words_has_the_empty_fingerprint()
    {
        Assert.Equal(ContentFingerprint.Empty, ContentFingerprint.Compute([]));
        Assert.Equal(ContentFingerprint.Empty, ContentFingerprint.Compute(["", " — … "]));
    }

    [Fact]
    public void Fingerprint_of_a_short_text_is_not_empty()
    {
        Assert.NotEqual(ContentFingerprint.Empty, ContentFingerprint.Compute(["Budget approved"]));
    }

    [Theory]
    [InlineData("0000000000000000", "0000000000000000", 0)]
    [InlineData("0000000000000000", "000000000000000f", 4)]
    [InlineData("8000000000000001", "0000000000000000", 2)]
    [InlineData("ffffffffffffffff", "0000000000000000", 64)]
    public void Hamming_distance_counts_differing_bits(string a, string b, int distance)
    {
        Assert.Equal(distance, NearDuplicate.HammingDistance(a, b));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("000000000000000g")]
    [InlineData("0x00000000000000")]
    public void Rejects_fingerprints_that_are_not_16_hex_digits(string fingerprint)
    {
        Assert.Throws<FormatException>(() => NearDuplicate.HammingDistance(fingerprint, ContentFingerprint.Empty));
    }
}
