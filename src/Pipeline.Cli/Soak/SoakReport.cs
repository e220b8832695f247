using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Pipeline.Cli.Soak;

/// <summary>
/// What a soak run did with its inputs. A healthy run has no crashes, nothing lost and no duplicates; inputs storage
/// refused to take (names it does not allow) are reported apart, since they never reached ingest.
/// </summary>
internal sealed record SoakReport
{
    [JsonPropertyName("inputs")]
    public required int Processed { get; init; }

    /// <summary>Bytes of all inputs.</summary>
    public required long Bytes { get; init; }

    /// <summary>Inputs that became at least one article.</summary>
    public required int Indexed { get; init; }

    /// <summary>Articles those inputs became (a JSON array holds several).</summary>
    public required int Articles { get; init; }

    /// <summary>Documents the index holds at the end; equal to <see cref="Articles"/> unless something was duplicated or lost.</summary>
    public required long IndexCount { get; init; }

    /// <summary>Rejections by reason code, as the rejection records spell it.</summary>
    public required IReadOnlyDictionary<string, int> RejectedByReason { get; init; }

    public int Rejected => RejectedByReason.Values.Sum();

    /// <summary>Inputs storage refused to take (an invalid blob name): they never reached ingest.</summary>
    public required IReadOnlyList<SoakFailure> RefusedByStorage { get; init; }

    /// <summary>Inputs that ended in an exception other than a rejection, or did not finish.</summary>
    public required IReadOnlyList<SoakFailure> Crashes { get; init; }

    /// <summary>Inputs storage took whose article or rejection record cannot be found afterwards, or that ended neither indexed nor rejected.</summary>
    public required IReadOnlyList<SoakFailure> Lost { get; init; }

    /// <summary>Ids two inputs both produced.</summary>
    public required int DuplicateIds { get; init; }

    /// <summary>Inputs per category ("hostile", "ByteFlips", ...), with how many of them were indexed.</summary>
    public required IReadOnlyDictionary<string, CategoryCount> Categories { get; init; }

    /// <summary>Upload and ingest of every input, without the verification afterwards.</summary>
    /// <remarks>Not required: System.Text.Json refuses a required property it is told to ignore; the JSON has <see cref="Seconds"/>.</remarks>
    [JsonIgnore]
    public TimeSpan Elapsed { get; init; }

    public double Seconds => Math.Round(Elapsed.TotalSeconds, 1);

    public double InputsPerSecond => Elapsed.TotalSeconds > 0 ? Math.Round(Processed / Elapsed.TotalSeconds, 1) : 0;

    public required string LoadAverageBefore { get; init; }

    public required string LoadAverageAfter { get; init; }

    public bool Healthy => Crashes.Count == 0 && Lost.Count == 0 && DuplicateIds == 0 && IndexCount == Articles;

    public string Format()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"inputs      {Processed,8:N0}   ({Bytes / 1024.0 / 1024.0:N1} MB)");
        text.AppendLine(culture, $"indexed     {Indexed,8:N0}   ({Articles:N0} articles; the index holds {IndexCount:N0}; duplicate ids {DuplicateIds:N0})");
        text.AppendLine(culture, $"rejected    {Rejected,8:N0}");
        foreach (var (reason, count) in RejectedByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  {reason,-18}{count,8:N0}");
        }

        text.AppendLine(culture, $"refused     {RefusedByStorage.Count,8:N0}   (names storage does not take; never reached ingest)");
        text.AppendLine(culture, $"crashes     {Crashes.Count,8:N0}");
        text.AppendLine(culture, $"lost        {Lost.Count,8:N0}");
        text.AppendLine(culture, $"duration    {Seconds,8:N1} s ({InputsPerSecond:N1} inputs/s; load average {LoadAverageBefore} before, {LoadAverageAfter} after)");
        text.AppendLine("by input kind (indexed / inputs):");
        foreach (var (category, count) in Categories.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  {category,-18}{count.Indexed,6:N0} / {count.Inputs,-6:N0}");
        }

        foreach (var failure in Crashes.Concat(Lost).Take(20))
        {
            text.AppendLine(culture, $"! {failure}");
        }

        foreach (var failure in RefusedByStorage.Take(5))
        {
            text.AppendLine(culture, $"  refused: {failure}");
        }

        return text.ToString();
    }
}

/// <summary>An input that crashed the ingest path, whose outcome went missing, or that storage refused.</summary>
internal sealed record SoakFailure(string BlobName, string Origin, string Problem)
{
    public override string ToString() => $"{Origin} as '{BlobName}': {Problem}";
}

/// <param name="Inputs">Inputs of the category.</param>
/// <param name="Indexed">How many of them became articles.</param>
internal sealed record CategoryCount(int Inputs, int Indexed);
