using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>
/// A client record as a reader sees it. For a supervisor without a stated reason every identifying field is null and
/// only the pseudonym code and non-identifying facts remain (<see cref="Named"/> is false).
/// </summary>
internal sealed record ClientView(
    Guid Id,
    string PseudonymCode,
    int Version,
    string State,
    Guid? MergedInto,
    bool Named,
    string? DisplayName,
    string? GivenNames,
    string? FamilyNames,
    string? GivenNamesLatin,
    string? FamilyNamesLatin,
    IReadOnlyList<string>? OtherNames,
    string? DateOfBirth,
    string? Gender,
    IReadOnlyList<string>? Nationalities,
    IReadOnlyList<LanguageInput> Languages,
    string? PreferredLanguage,
    InterpreterInput? Interpreter,
    IReadOnlyList<ContactChannelInput>? ContactChannels,
    string ReminderChannel,
    string ResidenceStatus,
    DateOnly? ResidenceStatusExpiresOn,
    string Housing,
    IReadOnlyList<HouseholdMemberInput>? Household,
    DateTimeOffset RegisteredAt)
{
    public static ClientView Of(Client client, bool named)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Of(
            new StoredClient(
                client.Id, client.PseudonymCode, client.Version, client.State, client.MergedInto, client.GivenNames, client.FamilyNames,
                client.GivenNamesLatin, client.FamilyNamesLatin, client.OtherNames, client.DateOfBirth, client.Gender, client.Nationalities,
                client.Languages, client.PreferredLanguage, client.Interpreter, client.ContactChannels, client.ReminderChannel,
                client.ResidenceStatus, client.ResidenceStatusExpiresOn, client.Housing, client.Household, client.RegisteredAt),
            named);
    }

    /// <summary>
    /// The one mapping from a stored client record to what a reader sees, whether the record came through the entity or
    /// through a hand-written read (<see cref="ReadCaseFile.TimelineReader"/>).
    /// </summary>
    public static ClientView Of(StoredClient client, bool named)
    {
        ArgumentNullException.ThrowIfNull(client);
        var languages = client.Languages.Select(l => new LanguageInput(l.Code, l.Level.ToString(), l.Dialect)).ToList();
        return new ClientView(
            client.Id.Value,
            client.PseudonymCode,
            client.Version,
            client.State.ToString(),
            client.MergedInto?.Value,
            named,
            named ? Client.DisplayNameOf(client.State, client.GivenNamesLatin, client.FamilyNamesLatin) : null,
            named ? client.GivenNames : null,
            named ? client.FamilyNames : null,
            named ? client.GivenNamesLatin : null,
            named ? client.FamilyNamesLatin : null,
            named ? client.OtherNames : null,
            named ? FormatDateOfBirth(client.DateOfBirth) : null,
            named ? client.Gender.ToString() : null,
            named ? client.Nationalities : null,
            languages,
            client.PreferredLanguage,
            named
                ? new InterpreterInput(
                    client.Interpreter.Needed,
                    client.Interpreter.Language,
                    client.Interpreter.Dialect,
                    client.Interpreter.PreferredGender == StatedGender.NotStated ? null : client.Interpreter.PreferredGender.ToString(),
                    client.Interpreter.ExcludedInterpreters)
                : new InterpreterInput(client.Interpreter.Needed, client.Interpreter.Language, client.Interpreter.Dialect, null, null),
            named ? client.ContactChannels.Select(c => new ContactChannelInput(c.Kind.ToString(), c.Value, c.Note)).ToList() : null,
            client.ReminderChannel.ToString(),
            client.ResidenceStatus.ToString(),
            client.ResidenceStatusExpiresOn,
            client.Housing.ToString(),
            named ? client.Household.Select(h => new HouseholdMemberInput(h.LinkedClientId, h.Name, h.Relationship, h.BirthYear)).ToList() : null,
            client.RegisteredAt);
    }

    public static string? FormatDateOfBirth(DateOfBirth dateOfBirth)
    {
        ArgumentNullException.ThrowIfNull(dateOfBirth);
        return dateOfBirth.Precision == DateOfBirthPrecision.Unknown ? null : dateOfBirth.ToString();
    }
}

/// <summary>The stored fields of a client record that <see cref="ClientView"/> shows, however they were read.</summary>
internal sealed record StoredClient(
    ClientId Id,
    string PseudonymCode,
    int Version,
    ClientState State,
    ClientId? MergedInto,
    string GivenNames,
    string FamilyNames,
    string GivenNamesLatin,
    string FamilyNamesLatin,
    IReadOnlyList<string> OtherNames,
    DateOfBirth DateOfBirth,
    StatedGender Gender,
    IReadOnlyList<string> Nationalities,
    IReadOnlyList<LanguageSkill> Languages,
    string? PreferredLanguage,
    InterpreterPreferences Interpreter,
    IReadOnlyList<ContactChannel> ContactChannels,
    ReminderChannelKind ReminderChannel,
    ResidenceStatusKind ResidenceStatus,
    DateOnly? ResidenceStatusExpiresOn,
    HousingSituation Housing,
    IReadOnlyList<HouseholdMember> Household,
    DateTimeOffset RegisteredAt);

/// <summary>A likely or possible duplicate with the reasons for and against.</summary>
internal sealed record DuplicateCandidateView(
    Guid ClientId,
    string PseudonymCode,
    string? DisplayName,
    string? DateOfBirth,
    double Score,
    string Level,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<DuplicateReasonView> ReasonDetails);

/// <summary>A duplicate reason as template and arguments (English), for clients that show it in another language.</summary>
/// <param name="Direction">"For", "Against" or "Neutral".</param>
/// <param name="Template">English text with {0}-style placeholders.</param>
/// <param name="Arguments">Names, dates and phrases for the placeholders.</param>
internal sealed record DuplicateReasonView(string Direction, string Template, IReadOnlyList<string> Arguments);

/// <summary>Identifies a client record and the version to send with the next change.</summary>
internal sealed record ClientRef(Guid ClientId, string PseudonymCode, int Version)
{
    public ClientRef(ClientId clientId, string pseudonymCode, int version)
        : this(clientId.Value, pseudonymCode, version)
    {
    }
}
