using System.Globalization;
using System.Text;

namespace CaseWork.Modules.Clients.Domain.Duplicates;

/// <summary>
/// Turns a name in Arabic, Persian, Cyrillic, Ge'ez or accented Latin script into lower-case ASCII Latin. The output is
/// a matching form, not a passport spelling: it keeps what is written (Arabic short vowels are not written, so they do
/// not appear) and leaves the spelling variants to <see cref="NameSkeleton"/>.
/// </summary>
internal static class NameTransliteration
{
    // Marks a boundary inside a token where two transliterated letters must not be read as one digraph
    // (Arabic ز + ه is "z'h", not the "zh" of Cyrillic ж). The skeleton reads it; display forms drop it.
    public const char DigraphBreak = '\'';

    private static readonly Dictionary<char, string> Arabic = new()
    {
        ['ا'] = "a", ['أ'] = "a", ['إ'] = "i", ['آ'] = "a", ['ٱ'] = "a", ['ء'] = "", ['ؤ'] = "'", ['ئ'] = "'",
        ['ب'] = "b", ['ت'] = "t", ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh", ['د'] = "d", ['ذ'] = "dh",
        ['ر'] = "r", ['ز'] = "z", ['س'] = "s", ['ش'] = "sh", ['ص'] = "s", ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z",
        ['ع'] = "a", ['غ'] = "gh", ['ف'] = "f", ['ق'] = "q", ['ك'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n",
        ['ه'] = "h", ['و'] = "u", ['ي'] = "i", ['ى'] = "a", ['ة'] = "a",
        // Persian / Dari / Pashto / Kurdish (Sorani) letters.
        ['پ'] = "p", ['چ'] = "ch", ['ژ'] = "zh", ['گ'] = "g", ['ک'] = "k", ['ی'] = "i", ['ې'] = "e", ['ۍ'] = "ai",
        ['ټ'] = "t", ['ډ'] = "d", ['ړ'] = "r", ['ښ'] = "sh", ['ږ'] = "zh", ['ڼ'] = "n", ['ځ'] = "z", ['څ'] = "ts",
        ['ە'] = "e", ['ۆ'] = "o", ['ێ'] = "e", ['ڵ'] = "l", ['ڕ'] = "r", ['ڤ'] = "v", ['ھ'] = "h",
    };

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo",
        ['є'] = "ye", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['к'] = "k",
        ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t",
        ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ъ'] = "a", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya", ['ў'] = "u", ['ј'] = "j",
        ['љ'] = "lj", ['њ'] = "nj", ['џ'] = "dzh", ['ђ'] = "dj", ['ћ'] = "c", ['ѓ'] = "gj", ['ќ'] = "kj", ['ѕ'] = "dz",
    };

    // Latin letters that Unicode decomposition does not fold the way names are transliterated.
    private static readonly Dictionary<char, string> LatinSpecial = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th",
        ['ı'] = "i", ['ş'] = "sh", ['ș'] = "sh", ['ţ'] = "t", ['ț'] = "t", ['š'] = "sh", ['ž'] = "zh", ['č'] = "ch",
        ['ç'] = "ch", ['ć'] = "ch", ['ğ'] = "g", ['ə'] = "e", ['ħ'] = "h", ['ʿ'] = "'", ['ʾ'] = "'", ['’'] = "'",
        ['‘'] = "'", ['`'] = "'", ['´'] = "'",
    };

    // Ge'ez (Tigrinya, Amharic): each syllable row shares a consonant; the column is the vowel.
    private static readonly string[] GeezConsonants =
    [
        "h", "l", "h", "m", "s", "r", "s", "sh", "q", "qw", "q", "qw", "b", "v", "t", "ch", "h", "hw", "n", "ny",
        "", "k", "kw", "kh", "khw", "w", "", "z", "zh", "y", "d", "d", "j", "g", "gw", "ng", "t", "ch", "p", "ts",
        "ts", "f", "p",
    ];

    private static readonly string[] GeezVowels = ["e", "u", "i", "a", "e", "", "o", "wa"];

    /// <summary>Lower-case ASCII Latin; letters, spaces, hyphens and <see cref="DigraphBreak"/> only.</summary>
    public static string ToLatin(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        var output = new StringBuilder(lower.Length + 8);

        foreach (var c in lower)
        {
            var atWordStart = output.Length == 0 || output[^1] == ' ';
            if (atWordStart && c is 'ي' or 'ی')
                output.Append('y'); // a word-initial yeh is the consonant: يوسف is Yusuf
            else if (atWordStart && c == 'و')
                output.Append('w'); // likewise waw: وليد is Walid
            else if (Arabic.TryGetValue(c, out var arabic))
                AppendBreakingDigraphs(output, arabic);
            else if (Cyrillic.TryGetValue(c, out var cyrillic))
                AppendBreakingDigraphs(output, cyrillic);
            else if (c is >= '\u1200' and <= '\u1357')
                AppendBreakingDigraphs(output, Geez(c));
            else if (LatinSpecial.TryGetValue(c, out var special))
                output.Append(special);
            else if (c is >= '\u064B' and <= '\u065F' or '\u0640' or '\u0670')
                continue; // Arabic vowel marks and tatweel: optional in writing, so never relied on.
            else
                output.Append(c);
        }

        return FoldLatin(output.ToString());
    }

    private static string Geez(char c)
    {
        var offset = c - '\u1200';
        var row = offset / 8;
        var column = offset % 8;
        return row < GeezConsonants.Length ? GeezConsonants[row] + GeezVowels[column] : "";
    }

    private static void AppendBreakingDigraphs(StringBuilder output, string letters)
    {
        // "h" after s, z, k, g, c, t, d, p would otherwise read as a digraph (sh, zh, kh, gh, ch, th, dh, ph).
        if (letters.Length > 0 && letters[0] == 'h' && output.Length > 0 && "szkgctdp".Contains(output[^1], StringComparison.Ordinal))
            output.Append(DigraphBreak);
        output.Append(letters);
    }

    private static string FoldLatin(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;

            if (c is >= 'a' and <= 'z' || c == DigraphBreak)
            {
                output.Append(c);
                lastWasSpace = false;
            }
            else if (c == '-' && !lastWasSpace)
            {
                output.Append(' ');
                lastWasSpace = true;
            }
            else if (!lastWasSpace && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                output.Append(' ');
                lastWasSpace = true;
            }
        }

        return output.ToString().Trim();
    }
}
