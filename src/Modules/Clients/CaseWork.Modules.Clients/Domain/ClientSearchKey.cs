using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// The normalised Latin search form of all of a client's names, built with the duplicate engine's transliteration
/// and consonant skeleton: "Мухаммад", "محمد" and "Mohammed" all contribute the skeleton "mhmd". The key is
/// " latin skeleton latin skeleton ..." (leading space, so a token start is " x" on every token); the terms are the
/// distinct tokens, for stores that search by token prefix instead of substring.
/// </summary>
internal static class ClientSearchKey
{
    public const int MaxKeyLength = 1000;

    public static string For(IEnumerable<string?> names)
    {
        var key = " " + string.Join(' ', Terms(names));
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }

    /// <summary>The distinct normalised tokens (Latin spelling and skeleton) of the names.</summary>
    public static IReadOnlyList<string> Terms(IEnumerable<string?> names)
    {
        var terms = new List<string>();
        foreach (var name in names)
        {
            foreach (var token in NameComparison.Tokenize(name))
            {
                AddOnce(terms, Clean(token.Latin));
                AddOnce(terms, "~" + token.Skeleton);
            }
        }

        return terms;
    }

    /// <summary>
    /// What to look for per word of a search term: the word's Latin spelling and its skeleton. A stored client matches a
    /// word when either appears as the start of one of its tokens.
    /// </summary>
    public static IReadOnlyList<(string Latin, string Skeleton)> QueryWords(string term) =>
        NameComparison.Tokenize(term)
            .Select(t => (Clean(t.Latin), "~" + t.Skeleton))
            .Where(w => w.Item1.Length > 0)
            .ToList();

    private static string Clean(string latin) => latin.Replace(NameTransliteration.DigraphBreak.ToString(), "", StringComparison.Ordinal);

    private static void AddOnce(List<string> terms, string term)
    {
        if (term.Length > 1 && !terms.Contains(term, StringComparer.Ordinal))
            terms.Add(term);
    }
}
