namespace Pipeline.Fuzzing.Mutation;

/// <summary>The ways <see cref="CorpusMutator"/> damages a real file.</summary>
public enum MutationKind
{
    /// <summary>Random bytes replaced with random values.</summary>
    ByteFlips,

    /// <summary>The file cut off at a random point.</summary>
    Truncation,

    /// <summary>The head of one file joined to the tail of another.</summary>
    Splice,

    /// <summary>The text re-encoded: UTF-16 LE or BE without a byte order mark, Latin-1, or with a stray BOM.</summary>
    EncodingSwap,

    /// <summary>Markup tags removed at random.</summary>
    TagDeletion,

    /// <summary>A run of markup repeated many times.</summary>
    TagDuplication,

    /// <summary>NUL and other control characters inserted.</summary>
    ControlCharacters,

    /// <summary>A huge run of one character or one tag inserted.</summary>
    HugeRun,

    /// <summary>A random range removed.</summary>
    RangeDeletion,

    /// <summary>The file compressed with gzip, possibly truncated.</summary>
    Gzip,
}
