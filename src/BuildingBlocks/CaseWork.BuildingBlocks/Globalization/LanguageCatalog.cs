namespace CaseWork.BuildingBlocks.Globalization;

/// <summary>A language CaseWork knows by code: for client profiles, interpreter needs, interpreter pools, partner services and client messages.</summary>
/// <param name="Code">BCP 47 primary tag (ISO 639-1 where it exists, else ISO 639-3), e.g. <c>ar</c>, <c>prs</c> (Dari), <c>kmr</c> (Kurmanji).</param>
/// <param name="NameDe">German name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NativeName">The language's name for itself.</param>
/// <param name="RightToLeft">Whether the language is written right to left.</param>
/// <param name="Dialects">Dialects or varieties worth telling apart when matching interpreters (English names).</param>
public sealed record Language(string Code, string NameDe, string NameEn, string NativeName, bool RightToLeft, IReadOnlyList<string> Dialects);

/// <summary>
/// The languages CaseWork offers in its pick lists, one list for every module so that a client's language, an interpreter
/// need and an interpreter's profile use the same codes. Dari and Farsi, Kurmanji and Sorani are separate languages here
/// because interpreting between them does not work reliably.
/// </summary>
public static class LanguageCatalog
{
    /// <summary>All known languages, German first.</summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        new("de", "Deutsch", "German", "Deutsch", false, []),
        new("en", "Englisch", "English", "English", false, []),
        new("ar", "Arabisch", "Arabic", "العربية", true, ["Levantine", "Iraqi", "Egyptian", "Gulf", "Maghrebi", "Sudanese", "Modern Standard"]),
        new("prs", "Dari", "Dari", "دری", true, []),
        new("fa", "Farsi (Persisch)", "Farsi (Persian)", "فارسی", true, []),
        new("ps", "Paschtu", "Pashto", "پښتو", true, []),
        new("kmr", "Kurdisch (Kurmandschi)", "Kurdish (Kurmanji)", "Kurmancî", false, []),
        new("ckb", "Kurdisch (Sorani)", "Kurdish (Sorani)", "سۆرانی", true, []),
        new("ti", "Tigrinya", "Tigrinya", "ትግርኛ", false, []),
        new("so", "Somali", "Somali", "Soomaali", false, []),
        new("uk", "Ukrainisch", "Ukrainian", "Українська", false, []),
        new("ru", "Russisch", "Russian", "Русский", false, []),
        new("ro", "Rumänisch", "Romanian", "Română", false, []),
        new("bg", "Bulgarisch", "Bulgarian", "Български", false, []),
        new("tr", "Türkisch", "Turkish", "Türkçe", false, []),
        new("pl", "Polnisch", "Polish", "Polski", false, []),
        new("sq", "Albanisch", "Albanian", "Shqip", false, []),
        new("sr", "Serbisch", "Serbian", "Српски", false, []),
        new("rom", "Romanes", "Romani", "Romani čhib", false, []),
        new("fr", "Französisch", "French", "Français", false, []),
        new("es", "Spanisch", "Spanish", "Español", false, []),
        new("ur", "Urdu", "Urdu", "اردو", true, []),
        new("hi", "Hindi", "Hindi", "हिन्दी", false, []),
        new("zh", "Chinesisch", "Chinese", "中文", false, ["Mandarin", "Cantonese"]),
        new("vi", "Vietnamesisch", "Vietnamese", "Tiếng Việt", false, []),
        new("dgs", "Deutsche Gebärdensprache", "German Sign Language", "DGS", false, []),
    ];

    private static readonly Dictionary<string, Language> ByCode =
        All.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="code"/> is a known language code (case-insensitive).</summary>
    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The language for a code, or null.</summary>
    public static Language? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var language) ? language : null;

    /// <summary>Whether text in this language is written right to left (unknown codes: false).</summary>
    public static bool IsRightToLeft(string? code) => Find(code)?.RightToLeft ?? false;
}
