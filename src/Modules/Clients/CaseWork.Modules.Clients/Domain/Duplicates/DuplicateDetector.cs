using System.Globalization;

namespace CaseWork.Modules.Clients.Domain.Duplicates;

/// <summary>
/// Scores whether two person records describe the same person, across scripts and transliterations, with the
/// reasons a worker needs to decide. Names carry most of the weight (at most 0.85); the date of birth and a stated
/// gender add or take away. Deterministic and free of I/O, so it can run on registration and over a whole office.
/// </summary>
internal static class DuplicateDetector
{
    private const double NameWeight = 0.85;
    private const double SwappedFactor = 0.97;
    private const double OtherNameFactor = 0.95;
    private const double MissingPartFactor = 0.8;

    /// <summary>Compares two records; symmetric up to the order of the reasons' wording.</summary>
    public static DuplicateCandidate Compare(PersonForMatching existing, PersonForMatching candidate)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(candidate);

        var reasons = new List<MatchReason>();
        var nameScore = NameWeight * CompareNames(existing, candidate, reasons);
        var dateAdjustment = CompareDates(existing.DateOfBirth, candidate.DateOfBirth, reasons);
        var genderAdjustment = CompareGender(existing.Gender, candidate.Gender, reasons);

        var score = Math.Round(Math.Clamp(nameScore + dateAdjustment + genderAdjustment, 0, 1), 3);
        return new DuplicateCandidate(score, DuplicateCandidate.LevelFor(score), reasons);
    }

    /// <summary>
    /// A cheap necessary condition for <see cref="DuplicateLevel.Likely"/>, to skip the name comparison where it cannot
    /// matter (flagging duplicates among search hits compares every hit with every other). Names give at most
    /// <see cref="NameWeight"/> (0.85); differing stated genders take 0.4 and birth years a year or more apart take at
    /// least 0.1, so neither pair can reach the Likely threshold whatever the names.
    /// </summary>
    public static bool CouldBeLikely(PersonForMatching a, PersonForMatching b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Gender is StatedGender.Female or StatedGender.Male && b.Gender is StatedGender.Female or StatedGender.Male && a.Gender != b.Gender)
            return false;
        if (a.DateOfBirth.Precision == DateOfBirthPrecision.Unknown || b.DateOfBirth.Precision == DateOfBirthPrecision.Unknown)
            return true;
        if (a.DateOfBirth.Year != b.DateOfBirth.Year)
            return false;
        // Two full dates in one year: equal, a 1 January placeholder or day and month swapped can still be Likely.
        return true;
    }

    private static double CompareNames(PersonForMatching a, PersonForMatching b, List<MatchReason> reasons)
    {
        var givenA = NameComparison.Tokenize(a.GivenNames);
        var familyA = NameComparison.Tokenize(a.FamilyNames);
        var givenB = NameComparison.Tokenize(b.GivenNames);
        var familyB = NameComparison.Tokenize(b.FamilyNames);

        var straight = Combine(
            Part("given name", givenA, givenB),
            Part("family name", familyA, familyB));
        var best = straight;

        if (givenA.Count > 0 && familyA.Count > 0 && givenB.Count > 0 && familyB.Count > 0)
        {
            var swapped = Combine(
                Part("given name of one and family name of the other", givenA, familyB),
                Part("family name of one and given name of the other", familyA, givenB));
            swapped = swapped with { Score = swapped.Score * SwappedFactor };
            if (swapped.Score > best.Score)
            {
                best = swapped with
                {
                    Reasons = [new MatchReason(ReasonDirection.Neutral, "given and family name swapped"), .. swapped.Reasons],
                };
            }
        }

        var fullA = givenA.Concat(familyA).ToList();
        var fullB = givenB.Concat(familyB).ToList();
        foreach (var (other, full, owner) in OtherNames(a, fullB, "first").Concat(OtherNames(b, fullA, "second")))
        {
            var match = NameComparison.ComparePart(other, full);
            if (match is null || match.GenderedForms)
                continue;
            var score = match.Score * OtherNameFactor;
            if (score > best.Score)
            {
                best = new ScoredNames(score,
                [
                    new MatchReason(ReasonDirection.For,
                        "name matches another name used by the {0} record ({1})", [owner, NameComparison.Display(other)]),
                ]);
            }
        }

        reasons.AddRange(best.Reasons);
        return best.Score;
    }

    private static IEnumerable<(IReadOnlyList<NameToken> Other, List<NameToken> Full, string Owner)> OtherNames(
        PersonForMatching owner, List<NameToken> otherFull, string ownerLabel) =>
        owner.OtherNames.Select(NameComparison.Tokenize).Where(t => t.Count > 0).Select(t => (t, otherFull, ownerLabel));

    private static ScoredPart? Part(string label, IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        var match = NameComparison.ComparePart(a, b);
        if (match is null)
            return null;

        var pair = $"{NameComparison.Display(a)} / {NameComparison.Display(b)}";
        MatchReason reason;
        if (match.GenderedForms && match.Score < NameComparison.SameNameThreshold)
            reason = new MatchReason(ReasonDirection.Against, "{0}: male and female forms of a name ({1})", [label, pair]);
        else if (match.Equal)
            reason = new MatchReason(ReasonDirection.For, "{0} equal ({1})", [label, NameComparison.Display(a)]);
        else if (match.Score >= NameComparison.SameNameThreshold && match.OneOfSeveral)
            reason = new MatchReason(ReasonDirection.For, "{0}: one of several names matches ({1})", [label, pair]);
        else if (match.Score >= NameComparison.SameNameThreshold)
            reason = new MatchReason(ReasonDirection.For, "{0} matches phonetically ({1})", [label, pair.Replace(" / ", " ~ ", StringComparison.Ordinal)]);
        else
            reason = new MatchReason(ReasonDirection.Against, "{0} differs ({1})", [label, pair]);

        return new ScoredPart(match.Score, reason);
    }

    // The weaker part dominates: a shared common given name (Mohammed) says little when the family names differ.
    private static ScoredNames Combine(ScoredPart? given, ScoredPart? family)
    {
        if (given is not null && family is not null)
        {
            var g = Evidence(given.Score);
            var f = Evidence(family.Score);
            var score = (0.3 * (g + f) / 2) + (0.7 * Math.Min(g, f));
            return new ScoredNames(score, [given.Reason, family.Reason]);
        }

        var present = given ?? family;
        if (present is null)
            return new ScoredNames(0, [new MatchReason(ReasonDirection.Neutral, "no names to compare")]);

        return new ScoredNames(Evidence(present.Score) * MissingPartFactor,
            [present.Reason, new MatchReason(ReasonDirection.Neutral, "the other name part is missing on one side")]);
    }

    // Below the same-name threshold, similarity is not evidence: Ahmad and Mahmoud share three of four
    // consonants and are still two names. Scores there fall three times as fast.
    private static double Evidence(double similarity) =>
        similarity >= NameComparison.SameNameThreshold
            ? similarity
            : Math.Max(0, similarity - (3 * (NameComparison.SameNameThreshold - similarity)));

    private static double CompareDates(DateOfBirth a, DateOfBirth b, List<MatchReason> reasons)
    {
        var year = a.Year.ToString(CultureInfo.InvariantCulture);
        if (a.Precision == DateOfBirthPrecision.Unknown || b.Precision == DateOfBirthPrecision.Unknown)
        {
            reasons.Add(new MatchReason(ReasonDirection.Neutral, "date of birth unknown on at least one side"));
            return 0;
        }

        if (a.Precision == DateOfBirthPrecision.FullDate && b.Precision == DateOfBirthPrecision.FullDate)
        {
            var da = a.Date!.Value;
            var db = b.Date!.Value;
            if (da == db)
            {
                reasons.Add(new MatchReason(ReasonDirection.For, "date of birth equal ({0})", [a.ToString()]));
                return 0.15;
            }

            if (da.Year == db.Year && (IsPlaceholder(da) || IsPlaceholder(db)))
            {
                // Authorities record 1 January when only the year is known.
                reasons.Add(new MatchReason(ReasonDirection.For,
                    "year of birth equal ({0}); 1 January on one side is often a placeholder", [year]));
                return 0.05;
            }

            if (da.Year == db.Year && da.Month == db.Day && da.Day == db.Month)
            {
                reasons.Add(new MatchReason(ReasonDirection.For, "dates of birth equal with day and month swapped ({0} / {1})", [a.ToString(), b.ToString()]));
                return 0.05;
            }

            reasons.Add(new MatchReason(ReasonDirection.Against, "dates of birth differ ({0} / {1})", [a.ToString(), b.ToString()]));
            return da.Year == db.Year ? -0.35 : -0.5;
        }

        var difference = Math.Abs(a.Year - b.Year);
        if (difference == 0)
        {
            var detail = a.Precision == b.Precision ? "only the year known on both sides" : "full date unknown on one side";
            reasons.Add(new MatchReason(ReasonDirection.For, "year of birth equal ({0}), {1}", [year, detail]));
            return 0.08;
        }

        reasons.Add(new MatchReason(ReasonDirection.Against,
            "years of birth differ ({0} / {1})", [a.Year.ToString(CultureInfo.InvariantCulture), b.Year.ToString(CultureInfo.InvariantCulture)]));
        // Estimated years are often off by one; more than that is another person (a sibling, a parent).
        return difference == 1 ? -0.1 : -0.5;
    }

    private static bool IsPlaceholder(DateOnly date) => date is { Month: 1, Day: 1 };

    private static double CompareGender(StatedGender a, StatedGender b, List<MatchReason> reasons)
    {
        if (a is StatedGender.Female or StatedGender.Male && b is StatedGender.Female or StatedGender.Male && a != b)
        {
            reasons.Add(new MatchReason(ReasonDirection.Against, "stated genders differ"));
            return -0.4;
        }

        return 0;
    }

    private sealed record ScoredPart(double Score, MatchReason Reason);

    private sealed record ScoredNames(double Score, IReadOnlyList<MatchReason> Reasons);
}
