using System.Security.Cryptography;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// A client's stable pseudonym ("K-7F3A-92"): random, not derived from the person, so it reveals nothing and survives
/// name changes, merges and anonymisation. Letters that are easily confused (0/O, 1/I/L) are left out so it can be read
/// out over the phone.
/// </summary>
internal static class PseudonymCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"K-{new string(chars[..4])}-{new string(chars[4..])}";
    }

    /// <summary>Whether a search term looks like a pseudonym code (then search by code, not by name).</summary>
    public static bool LooksLikeCode(string term) =>
        term.Length >= 3 && term.StartsWith("K-", StringComparison.OrdinalIgnoreCase);

    public static string Normalise(string term) => term.Trim().ToUpperInvariant();
}
