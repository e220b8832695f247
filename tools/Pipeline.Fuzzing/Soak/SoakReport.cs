using System.Globalization;
using System.Text;
using Pipeline.Core.Normalization;

namespace Pipeline.Fuzzing.Soak;

/// <summary>What a soak run did with its inputs. A healthy run has no crashes, nothing lost and no duplicates.</summary>
public sealed record SoakReport
{
    public required int Processed { get; init; }

    /// <summary>Inputs that became at least one article.</summary>
    public required int Indexed { get; init; }

    /// <summary>Articles those inputs became (a JSON array holds several).</summary>
    public required int Articles { get; init; }

    /// <summary>Documents the index holds at the end; equal to <see cref="Articles"/> unless something was duplicated or lost.</summary>
    public required long IndexCount { get; init; }

    public required IReadOnlyDictionary<NormalizationErrorCode, int> RejectedByReason { get; init; }

    public int Rejected => RejectedByReason.Values.Sum();

    /// <summary>Inputs that ended in an exception other than a rejection, or did not finish.</summary>
    public required IReadOnlyList<SoakFailure> Crashes { get; init; }

    /// <summary>Inputs reported indexed or rejected whose article or rejection record cannot be found afterwards.</summary>
    public required IReadOnlyList<SoakFailure> Lost { get; init; }

    /// <summary>Ids two inputs both produced.</summary>
    public required int DuplicateIds { get; init; }

    /// <summary>Inputs per category ("hostile", "ByteFlips", ...), with how many of them were indexed.</summary>
    public required IReadOnlyDictionary<string, CategoryCount> Categories { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public bool Healthy => Crashes.Count == 0 && Lost.Count == 0 && DuplicateIds == 0 && IndexCount == Articles;

    public string Format()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"processed   {Processed,8:N0}");
        text.AppendLine(culture, $"indexed     {Indexed,8:N0}   ({Articles:N0} articles; the index holds {IndexCount:N0}; duplicate ids {DuplicateIds:N0})");
        text.AppendLine(culture, $"rejected    {Rejected,8:N0}");
        foreach (var (reason, count) in RejectedByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key))
        {
            text.AppendLine(culture, $"  {reason,-18}{count,8:N0}");
        }

        text.AppendLine(culture, $"crashes     {Crashes.Count,8:N0}");
        text.AppendLine(culture, $"lost        {Lost.Count,8:N0}");
        var perSecond = Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;
        text.AppendLine(culture, $"duration    {Elapsed.TotalSeconds,8:N1} s ({perSecond:N0} inputs/s)");
        text.AppendLine("by input kind (indexed / inputs):");
        foreach (var (category, count) in Categories.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  {category,-18}{count.Indexed,6:N0} / {count.Inputs,-6:N0}");
        }

        foreach (var failure in Crashes.Concat(Lost).Take(20))
        {
            text.AppendLine(culture, $"! {failure}");
        }

        return text.ToString();
    }
}

/// <summary>An input that crashed the ingest path or whose outcome went missing.</summary>
public sealed record SoakFailure(string BlobName, string Origin, string Problem)
{
    public override string ToString() => $"{Origin} as '{BlobName}': {Problem}";
}

/// <param name="Inputs">Inputs of the category.</param>
/// <param name="Indexed">How many of them became articles.</param>
public sealed record CategoryCount(int Inputs, int Indexed);
