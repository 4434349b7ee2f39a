namespace CaseWork.Modules.Clients.Domain.Duplicates;

/// <summary>One token of a name in matching form.</summary>
internal sealed record NameToken(string Latin, string Skeleton, bool WrittenInLatin, bool WrittenInArabicScript = false)
{
    public static NameToken From(string latin, bool writtenInLatin, bool writtenInArabicScript = false) =>
        new(latin, NameSkeleton.Of(latin), writtenInLatin, writtenInArabicScript);
}

/// <summary>How one name part (given names, family names, a full other name) compares with another.</summary>
internal sealed record NamePartMatch(double Score, bool Equal, bool GenderedForms, bool OneOfSeveral);

/// <summary>
/// Splits names into matching tokens and scores how similar two names are. Pure and deterministic: the same two
/// names always give the same score.
/// </summary>
internal static class NameComparison
{
    /// <summary>A token scoring at least this is reported as the same name.</summary>
    public const double SameNameThreshold = 0.8;

    // Particles that are written or left out at will: Arabic article and "son of", German and Dutch nobiliary
    // particles. "abu" (father of) is part of a name (Abu Bakr), so it stays.
    private static readonly HashSet<string> Particles =
        ["al", "el", "ul", "bin", "ibn", "ben", "bint", "binti", "von", "van", "der", "den", "de", "zu", "ter"];

    /// <summary>The matching tokens of a name as written (any script).</summary>
    public static IReadOnlyList<NameToken> Tokenize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return [];

        var writtenInLatin = name.All(c => c < '\u0250' || !char.IsLetter(c));
        var writtenInArabicScript = name.Any(c => c is >= '\u0600' and <= '\u06FF');
        var words = NameTransliteration.ToLatin(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<NameToken>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            // "Abd al-Rahman", "Abdel Rahman", "Abd ul Rahman" are all "Abdul Rahman".
            if (word == "abd" && i + 1 < words.Length && words[i + 1] is "al" or "el" or "ul")
            {
                tokens.Add(NameToken.From("abdul", writtenInLatin, writtenInArabicScript));
                i++;
                continue;
            }

            if (Particles.Contains(word) && words.Length > 1)
                continue;

            tokens.Add(NameToken.From(word, writtenInLatin, writtenInArabicScript));
        }

        return tokens;
    }

    /// <summary>Compares two name parts, each possibly of several tokens; null when either part is missing.</summary>
    public static NamePartMatch? ComparePart(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return null;

        // Written together or apart: "Abdul Rahman" / "Abdulrahman", "Hosseini Zadeh" / "Hosseinzadeh".
        var joinedA = Join(a);
        var joinedB = Join(b);
        var joined = CompareTokens(joinedA, joinedB);

        var (smaller, larger) = a.Count <= b.Count ? (a, b) : (b, a);
        var used = new bool[larger.Count];
        var total = 0.0;
        var gendered = false;
        foreach (var token in smaller)
        {
            var best = -1;
            var bestScore = -1.0;
            for (var j = 0; j < larger.Count; j++)
            {
                if (used[j])
                    continue;
                var score = CompareTokens(token, larger[j]).Score;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = j;
                }
            }

            used[best] = true;
            total += bestScore;
            gendered |= CompareTokens(token, larger[best]).GenderedForms;
        }

        var oneOfSeveral = smaller.Count < larger.Count;
        // A second given name on one side only is common (registered with one, papers with both), but it is
        // weaker evidence than all names agreeing.
        var aligned = total / smaller.Count * (oneOfSeveral ? 0.92 : 1);

        if (joined.Score >= aligned)
            return joined with { OneOfSeveral = false };

        return new NamePartMatch(aligned, Equal: false, gendered, oneOfSeveral);
    }

    /// <summary>Compares two single tokens.</summary>
    public static NamePartMatch CompareTokens(NameToken a, NameToken b)
    {
        if (Clean(a.Latin) == Clean(b.Latin))
            return new NamePartMatch(1, Equal: true, GenderedForms: false, OneOfSeveral: false);

        if (AreMaleAndFemaleForms(Clean(a.Latin), Clean(b.Latin)))
            return new NamePartMatch(0.4, Equal: false, GenderedForms: true, OneOfSeveral: false);

        var score = SkeletonScore(a, b);

        // The Arabic article is also written glued on: "Alhasan", "Aljuburi".
        if (StripArticle(a) is { } strippedA)
            score = Math.Max(score, SkeletonScore(strippedA, b));
        if (StripArticle(b) is { } strippedB)
            score = Math.Max(score, SkeletonScore(a, strippedB));

        if (HaveDifferentSlavicSuffixes(Clean(a.Latin), Clean(b.Latin)))
            score = Math.Min(score, 0.6);

        return new NamePartMatch(score, Equal: false, GenderedForms: false, OneOfSeveral: false);
    }

    // Ukrainian family names differ by their suffix: Shevchenko, Shevchuk and Shevchych are three families
    // although their consonants nearly agree. ("ich" is left out: it is also Turkish "ıç" written without marks.)
    private static readonly (string Suffix, string Family)[] SlavicSuffixes =
    [
        ("enko", "enko"), ("tschuk", "chuk"), ("chuk", "chuk"), ("czuk", "chuk"), ("iuk", "uk"), ("yuk", "uk"),
        ("juk", "uk"), ("uk", "uk"), ("ytsch", "ych"), ("itsch", "ych"), ("ych", "ych"),
    ];

    private static bool HaveDifferentSlavicSuffixes(string a, string b)
    {
        if (a.Length < 5 || b.Length < 5)
            return false;
        var suffixA = SlavicSuffixes.FirstOrDefault(s => a.EndsWith(s.Suffix, StringComparison.Ordinal)).Family;
        var suffixB = SlavicSuffixes.FirstOrDefault(s => b.EndsWith(s.Suffix, StringComparison.Ordinal)).Family;
        return suffixA != suffixB;
    }

    /// <summary>The name as Latin text for reasons shown to a person.</summary>
    public static string Display(IReadOnlyList<NameToken> tokens) =>
        string.Join(' ', tokens.Select(t => Clean(t.Latin)));

    private static double SkeletonScore(NameToken a, NameToken b)
    {
        if (a.Skeleton.Length == 0 && b.Skeleton.Length == 0)
            return LatinSimilarity(Clean(a.Latin), Clean(b.Latin));

        var score = NameSkeleton.Similarity(a.Skeleton, b.Skeleton);

        // Short names carry little in their consonants: Hassan and Hussein, Omar and Amr share them. When both
        // were written in Latin, the vowels are evidence too: a / u in the first syllable makes another name.
        if (a.WrittenInLatin && b.WrittenInLatin && Math.Max(a.Skeleton.Length, b.Skeleton.Length) <= 3 &&
            !FirstVowelsCompatible(Clean(a.Latin), Clean(b.Latin)))
        {
            score *= 0.7;
        }

        if (a.WrittenInArabicScript != b.WrittenInArabicScript && !LongVowelsAgree(a, b))
            score *= 0.7;

        return score;
    }

    // Arabic script leaves short vowels unwritten but writes long ones (ا و ي). Against a name in another script
    // they are evidence: حسن has no long vowel where Hussein has "ei", حسینی has a long i where Hassani has "a".
    private static bool LongVowelsAgree(NameToken a, NameToken b)
    {
        var (arabic, other) = a.WrittenInArabicScript ? (a, b) : (b, a);
        if (arabic.Skeleton.Length != other.Skeleton.Length || arabic.Skeleton.Length < 2)
            return true;

        var arabicGaps = NameSkeleton.VowelGaps(arabic.Latin);
        var otherGaps = NameSkeleton.VowelGaps(other.Latin);
        // Only the gaps between consonants: the beginning and end of a name vary too much (ع, ة, nisba -i).
        for (var k = 1; k < arabicGaps.Count - 1; k++)
        {
            var written = arabicGaps[k];
            var spelled = otherGaps[k];
            if (written.Contains('i', StringComparison.Ordinal) && spelled.IndexOfAny(['i', 'e', 'y']) < 0)
                return false;
            if (written.Contains('u', StringComparison.Ordinal) && spelled.IndexOfAny(['u', 'o']) < 0)
                return false;
            if (written.Length == 0 && spelled.Length >= 2)
                return false;
        }

        return true;
    }

    private static NameToken Join(IReadOnlyList<NameToken> tokens) =>
        tokens.Count == 1
            ? tokens[0]
            : NameToken.From(string.Concat(tokens.Select(t => t.Latin)), tokens.All(t => t.WrittenInLatin),
                tokens.Any(t => t.WrittenInArabicScript));

    private static NameToken? StripArticle(NameToken token) =>
        token.Latin.Length >= 5 && token.Latin.StartsWith("al", StringComparison.Ordinal)
            ? NameToken.From(token.Latin[2..], token.WrittenInLatin, token.WrittenInArabicScript)
            : null;

    // Ali / Alia, Jan / Jana, Samir / Samira, Yordan / Yordanka, Smirnov / Smirnova: the longer form adds the
    // feminine ending to a name that does not end in a vowel-like sound already (Fatemeh / Fatima stay one name).
    private static bool AreMaleAndFemaleForms(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.EndsWith('a') || shorter.EndsWith('e') || shorter.EndsWith("eh", StringComparison.Ordinal))
            return false;

        foreach (var ending in (ReadOnlySpan<string>)["a", "ah", "ka"])
        {
            if (longer.EndsWith(ending, StringComparison.Ordinal) &&
                NameSkeleton.Of(longer[..^ending.Length]) == NameSkeleton.Of(shorter) &&
                FirstVowelsCompatible(longer, shorter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FirstVowelsCompatible(string a, string b)
    {
        var va = FirstVowelClass(a);
        var vb = FirstVowelClass(b);
        // e sits between a and i across transliterations (Mehdi / Mahdi, Ebrahim / Ibrahim).
        return va == vb || va == 'e' || vb == 'e' || va == '\0' || vb == '\0';
    }

    private static char FirstVowelClass(string latin)
    {
        // A leading y is a glide (Yusuf, Yekaterina), not the vowel of the first syllable.
        foreach (var c in latin.StartsWith('y') ? latin[1..] : latin)
        {
            switch (c)
            {
                case 'a': return 'a';
                case 'e': return 'e';
                case 'i' or 'y': return 'i';
                case 'o' or 'u': return 'u';
            }
        }

        return '\0';
    }

    private static string Clean(string latin) => latin.Replace(NameTransliteration.DigraphBreak.ToString(), "", StringComparison.Ordinal);

    private static double LatinSimilarity(string a, string b)
    {
        var length = Math.Max(a.Length, b.Length);
        if (length == 0)
            return 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
            (previous, current) = (current, previous);
        }

        return 1 - ((double)previous[b.Length] / length);
    }
}
