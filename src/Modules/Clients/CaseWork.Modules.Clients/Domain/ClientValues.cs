namespace CaseWork.Modules.Clients.Domain;

/// <summary>A language the client speaks; <paramref name="Code"/> is from the shared language catalog.</summary>
internal sealed record LanguageSkill(string Code, LanguageLevel Level, string? Dialect);

/// <summary>A way to reach the client (phone number, messenger handle, email, postal address, or a note for "via the office").</summary>
internal sealed record ContactChannel(ContactChannelKind Kind, string Value, string? Note);

/// <summary>Someone in the client's household: a linked client record or a plain entry.</summary>
internal sealed record HouseholdMember(Guid? LinkedClientId, string? Name, string Relationship, int? BirthYear);

/// <summary>What the client needs from an interpreter.</summary>
/// <param name="Needed">Whether an interpreter is needed at all.</param>
/// <param name="Language">Language to interpret (catalog code).</param>
/// <param name="Dialect">Dialect, if it matters (Dari vs Farsi is a language; a dialect is within one).</param>
/// <param name="PreferredGender">Gender the client prefers the interpreter to have; <see cref="StatedGender.NotStated"/> for no preference.</param>
/// <param name="ExcludedInterpreters">User ids of interpreters the client asked not to be used.</param>
internal sealed record InterpreterPreferences(
    bool Needed,
    string? Language,
    string? Dialect,
    StatedGender PreferredGender,
    IReadOnlyList<Guid> ExcludedInterpreters)
{
    public static InterpreterPreferences None { get; } = new(false, null, null, StatedGender.NotStated, []);
}

/// <summary>
/// A client's personal details as given at registration or changed later: names as written and in Latin letters,
/// date of birth, gender, nationalities, languages, interpreter need, contact, residence and housing.
/// </summary>
internal sealed record ClientDetails(
    string GivenNames,
    string FamilyNames,
    string? GivenNamesLatin,
    string? FamilyNamesLatin,
    IReadOnlyList<string> OtherNames,
    DateOfBirth DateOfBirth,
    StatedGender Gender,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<LanguageSkill> Languages,
    string? PreferredLanguage,
    InterpreterPreferences Interpreter,
    IReadOnlyList<ContactChannel> ContactChannels,
    Contracts.ReminderChannelKind ReminderChannel,
    ResidenceStatusKind ResidenceStatus,
    DateOnly? ResidenceStatusExpiresOn,
    HousingSituation Housing,
    IReadOnlyList<HouseholdMember> Household);
