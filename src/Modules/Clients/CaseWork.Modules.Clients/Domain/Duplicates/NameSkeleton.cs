using System.Text;

namespace CaseWork.Modules.Clients.Domain.Duplicates;

/// <summary>
/// The consonant skeleton of one Latin name token, robust to the ways the same name is transliterated.
/// Vowels are dropped (Arabic does not write short vowels, and o/u, e/i, a/e alternate across transliterations);
/// digraphs of different traditions map to one symbol each (German "sch", English "sh", ISO "š" → S; "tsch", "ch",
/// "č" → C; "kh", "x" → H; "dj", "dsch", "dzh" → J); double letters collapse. Symbols that different traditions
/// use for one sound but that also separate real names (g/h in Ukrainian vs Russian, g/j in Egyptian Arabic, q/k/gh)
/// stay apart in the key and are only cheap to substitute in <see cref="Distance"/>.
/// </summary>
internal static class NameSkeleton
{
    // Ordered: longer patterns first. Upper-case letters are skeleton symbols that cannot clash with input.
    private static readonly (string Pattern, string Symbol)[] Digraphs =
    [
        ("shch", "S"), ("tsch", "C"), ("dsch", "J"), ("dzh", "J"), ("sch", "S"), ("tch", "C"), ("tsh", "C"),
        ("ch", "C"), ("sh", "S"), ("zh", "Z"), ("kh", "H"), ("gh", "G"), ("dj", "J"), ("dh", "z"), ("th", "t"),
        ("ph", "f"), ("ck", "k"), ("ts", "c"), ("tz", "c"), ("ks", "x"), ("ae", "a"), ("oe", "o"), ("ue", "u"),
    ];

    private static readonly HashSet<char> Vowels = ['a', 'e', 'i', 'o', 'u', 'y'];

    // Pairs of symbols that transliterations confuse; substituting one for the other is cheap.
    private static readonly Dictionary<(char, char), double> SoftSubstitutions = BuildSoftSubstitutions();

    /// <summary>The skeleton of one token (lower-case Latin as produced by <see cref="NameTransliteration"/>).</summary>
    public static string Of(string token)
    {
        var text = Symbols(token);

        // Doubled letters collapse (Haddad / Hadad), but only when adjacent: in "Koc" the two k sounds are
        // separated by a vowel and both count.
        var skeleton = new StringBuilder(text.Length);
        var previous = '\0';
        foreach (var c in text)
        {
            if (c == NameTransliteration.DigraphBreak)
                continue;
            if (!Vowels.Contains(c) && c != previous)
                skeleton.Append(c);
            previous = c;
        }

        return skeleton.ToString();
    }

    /// <summary>
    /// The vowel letters around the skeleton's consonants: element 0 before the first consonant, element k after the
    /// k-th. Has one element more than <see cref="Of"/> has symbols.
    /// </summary>
    public static IReadOnlyList<string> VowelGaps(string token)
    {
        var text = Symbols(token);
        var gaps = new List<string>();
        var gap = new StringBuilder();
        var previous = '\0';
        foreach (var c in text)
        {
            if (c == NameTransliteration.DigraphBreak)
                continue;
            if (Vowels.Contains(c))
                gap.Append(c);
            else if (c != previous)
            {
                gaps.Add(gap.ToString());
                gap.Clear();
            }

            previous = c;
        }

        gaps.Add(gap.ToString());
        return gaps;
    }

    private static string Symbols(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = new StringBuilder(token.Length);
        var i = 0;
        while (i < token.Length)
        {
            var matched = false;
            foreach (var (pattern, symbol) in Digraphs)
            {
                if (string.CompareOrdinal(token, i, pattern, 0, pattern.Length) == 0)
                {
                    text.Append(symbol);
                    i += pattern.Length;
                    matched = true;
                    break;
                }
            }

            if (matched)
                continue;

            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            text.Append(c switch
            {
                'w' => 'v',
                'q' => 'k',
                'x' => 'H',
                // Romanian/Turkish/Italian c before e/i is "ch"; a word-initial c before a consonant is "ts"
                // (Cvetelina); elsewhere c is k (Ionescu).
                'c' when next is 'e' or 'i' => 'C',
                'c' when i == 0 && next is not ('h' or 'r' or 'l' or '\0') && !Vowels.Contains(next) => 'c',
                'c' => 'k',
                // A final j after a vowel is the glide y (Jurij, Aleksej) and drops with the vowels. Elsewhere j
                // is J: German j for y (Jussuf) cannot be told from Arabic j (Jamal), so dropping J is cheap instead.
                'j' when next == '\0' && i > 0 && Vowels.Contains(token[i - 1]) => 'y',
                'j' => 'J',
                _ => c,
            });
            i++;
        }

        return text.ToString();
    }

    /// <summary>
    /// Weighted edit distance between two skeletons: a confusable pair costs less than 1, and dropping a weak
    /// consonant (h, or J which German writes for y) costs less than a whole letter.
    /// </summary>
    public static double Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 1; j <= b.Length; j++)
            previous[j] = previous[j - 1] + IndelCost(b[j - 1]);

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + IndelCost(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]);
                var deletion = previous[j] + IndelCost(a[i - 1]);
                var insertion = current[j - 1] + IndelCost(b[j - 1]);
                current[j] = Math.Min(substitution, Math.Min(deletion, insertion));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>1 for identical skeletons, falling with the weighted distance relative to the longer one.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
            return 1;
        // One soft substitution must not sink a one-consonant name (Ayşe / Ayse).
        var length = Math.Max(2, Math.Max(a.Length, b.Length));
        return Math.Max(0, 1 - (Distance(a, b) / length));
    }

    private static double IndelCost(char c) => c switch
    {
        'J' => 0.3,
        'h' => 0.5,
        _ => 1,
    };

    private static double SubstitutionCost(char a, char b) =>
        a == b ? 0 : SoftSubstitutions.TryGetValue((a, b), out var cost) ? cost : 1;

    private static Dictionary<(char, char), double> BuildSoftSubstitutions()
    {
        var costs = new Dictionary<(char, char), double>();
        void Soft(char a, char b, double cost)
        {
            costs[(a, b)] = cost;
            costs[(b, a)] = cost;
        }

        Soft('H', 'h', 0.3);  // Khalid / Halid, Hristo / Christo
        Soft('H', 'C', 0.3);  // German ch for kh: Achmed, Chalil
        Soft('h', 'C', 0.4);
        Soft('g', 'h', 0.3);  // Ukrainian h for Russian g: Hnatiuk / Gnatyuk
        Soft('g', 'J', 0.4);  // Egyptian g for j: Gamal / Jamal
        Soft('g', 'G', 0.3);
        Soft('G', 'k', 0.3);  // Persian gh for q: Ghorbani / Qorbani
        Soft('G', 'H', 0.5);
        Soft('k', 'H', 0.5);
        Soft('S', 's', 0.3);  // Şahin / Sahin written without the cedilla
        Soft('S', 'Z', 0.3);  // German sch for ж: Schelew / Zhelev
        Soft('Z', 'z', 0.3);
        Soft('Z', 'J', 0.4);
        Soft('C', 'S', 0.4);
        Soft('C', 'c', 0.4);
        Soft('C', 'k', 0.3);  // ASCII c for Turkish ç: Koç / Koc
        Soft('c', 'z', 0.3);  // German z for ts: Zwetelina / Tsvetelina
        Soft('c', 's', 0.4);
        Soft('c', 'k', 0.5);
        Soft('z', 's', 0.3);  // Kusmenko / Kuzmenko
        Soft('t', 's', 0.4);  // Othman / Osman (ث)
        Soft('t', 'd', 0.4);
        Soft('d', 'z', 0.3);  // ض and ذ: Ramadan / Ramazan, Kadhim / Kazem
        Soft('b', 'p', 0.4);
        Soft('f', 'v', 0.3);  // Angelov / Angeloff
        Soft('x', 'H', 0.4);  // Xenia / Kseniia vs Kurdish x for kh
        Soft('x', 'k', 0.5);
        return costs;
    }
}
