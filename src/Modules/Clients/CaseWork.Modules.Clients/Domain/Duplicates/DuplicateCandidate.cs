namespace CaseWork.Modules.Clients.Domain.Duplicates;

/// <summary>How strongly two records look like the same person.</summary>
internal enum DuplicateLevel
{
    /// <summary>Below the threshold: not shown.</summary>
    None,

    /// <summary>Worth a look: shown as "possible duplicate".</summary>
    Possible,

    /// <summary>Very probably the same person.</summary>
    Likely,
}

/// <summary>Whether a reason speaks for or against the two records being the same person.</summary>
internal enum ReasonDirection
{
    For,
    Against,
    Neutral,
}

/// <summary>
/// One human-readable reason behind a duplicate score: an English template with its arguments, so pages can show it in
/// the user's language (arguments that are themselves phrases, like "given name", are translated too).
/// </summary>
internal sealed record MatchReason(ReasonDirection Direction, string Template, IReadOnlyList<string> Arguments)
{
    public MatchReason(ReasonDirection direction, string text)
        : this(direction, text, [])
    {
    }

    public bool Equals(MatchReason? other) =>
        other is not null && Direction == other.Direction && Template == other.Template && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Direction, Template, Text);

    public string Text => Arguments.Count == 0
        ? Template
        : string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, [.. Arguments]);

    public override string ToString() => Direction switch
    {
        ReasonDirection.For => "+ " + Text,
        ReasonDirection.Against => "- " + Text,
        _ => "  " + Text,
    };
}

/// <summary>The result of comparing two person records: a score in 0..1, its level and the reasons.</summary>
internal sealed record DuplicateCandidate(double Score, DuplicateLevel Level, IReadOnlyList<MatchReason> Reasons)
{
    /// <summary>Minimum score shown as a possible duplicate.</summary>
    public const double PossibleThreshold = 0.70;

    /// <summary>Minimum score shown as a likely duplicate.</summary>
    public const double LikelyThreshold = 0.85;

    public bool IsCandidate => Level != DuplicateLevel.None;

    public static DuplicateLevel LevelFor(double score) => score switch
    {
        >= LikelyThreshold => DuplicateLevel.Likely,
        >= PossibleThreshold => DuplicateLevel.Possible,
        _ => DuplicateLevel.None,
    };
}
