using System.Security.Cryptography;

namespace CaseWork.Host.Identity;

/// <summary>Passwords CaseWork makes up for someone: the demo users' and an administrator's one-time initial or reset password.</summary>
internal static class InitialPassword
{
    /// <summary>
    /// Readable but strong: four groups from an alphabet without look-alike characters, then upper, lower and digit, so it
    /// meets the password rules (12 characters, upper, lower, digit) whatever the groups drew.
    /// </summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4)
            .Select(_ => new string(Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return string.Join('-', groups) + "-Aa1";
    }
}
