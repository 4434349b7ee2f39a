using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// A person the office counsels. Names are kept as the person writes them and in Latin letters; the record has a stable
/// pseudonym code; it can be merged into another record of the same person or anonymised (identity removed,
/// statistics kept).
/// </summary>
internal sealed class Client : IOfficeScoped, IVersioned
{
    public const string AnonymisedName = "anonymisiert";

    private Client()
    {
    }

    public ClientId Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public string PseudonymCode { get; private set; } = "";

    public string GivenNames { get; private set; } = "";

    public string FamilyNames { get; private set; } = "";

    public string GivenNamesLatin { get; private set; } = "";

    public string FamilyNamesLatin { get; private set; } = "";

    public List<string> OtherNames { get; private set; } = [];

    public DateOfBirthPrecision BirthPrecision { get; private set; }

    public int? BirthYear { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public StatedGender Gender { get; private set; }

    public List<string> Nationalities { get; private set; } = [];

    public List<LanguageSkill> Languages { get; private set; } = [];

    public string? PreferredLanguage { get; private set; }

    public InterpreterPreferences Interpreter { get; private set; } = InterpreterPreferences.None;

    public List<ContactChannel> ContactChannels { get; private set; } = [];

    public ReminderChannelKind ReminderChannel { get; private set; }

    public ResidenceStatusKind ResidenceStatus { get; private set; }

    public DateOnly? ResidenceStatusExpiresOn { get; private set; }

    public HousingSituation Housing { get; private set; }

    public List<HouseholdMember> Household { get; private set; } = [];

    /// <summary>Normalised Latin form of all names (<see cref="ClientSearchKey"/>), kept in step with the names.</summary>
    public string SearchKey { get; private set; } = "";

    public ClientState State { get; private set; }

    public ClientId? MergedInto { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public Guid? ConvertedFromContactId { get; private set; }

    public DateTimeOffset? AnonymisedAt { get; private set; }

    public string? AnonymisationReason { get; private set; }

    public int Version { get; private set; }

    public DateOfBirth DateOfBirth => DateOfBirth.Of(BirthPrecision, BirthYear, BirthDate);

    public bool IsAnonymised => State == ClientState.Anonymised;

    /// <summary>Name in Latin letters as staff read it.</summary>
    public string DisplayName => DisplayNameOf(State, GivenNamesLatin, FamilyNamesLatin);

    /// <summary>The display name of a record in <paramref name="state"/> with these Latin names (for reads that bypass the entity).</summary>
    public static string DisplayNameOf(ClientState state, string givenNamesLatin, string familyNamesLatin) =>
        state == ClientState.Anonymised ? AnonymisedName : $"{givenNamesLatin} {familyNamesLatin}".Trim();

    public string Initials => IsAnonymised ? "–" : InitialsOf(GivenNamesLatin, FamilyNamesLatin);

    /// <summary>The initials of these Latin names ("A. H."-style, without spaces), for reads that bypass the entity.</summary>
    public static string InitialsOf(string givenNamesLatin, string familyNamesLatin) =>
        string.Concat(new[] { givenNamesLatin, familyNamesLatin }.Where(n => n.Length > 0).Select(n => char.ToUpperInvariant(n[0]) + "."));

    public static Client Register(OfficeId office, ClientDetails details, DateTimeOffset at, string pseudonymCode, Guid? convertedFromContactId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pseudonymCode);
        var client = new Client
        {
            Id = ClientId.New(),
            OfficeId = office,
            PseudonymCode = pseudonymCode,
            RegisteredAt = at,
            State = ClientState.Active,
            ConvertedFromContactId = convertedFromContactId,
        };
        client.Apply(details);
        return client;
    }

    /// <summary>Replaces the personal details; tells whether what other modules read (contact, reminder, language, interpreter) changed.</summary>
    public bool Change(ClientDetails details)
    {
        EnsureActive();
        var before = ContactFingerprint();
        Apply(details);
        return before != ContactFingerprint();
    }

    public PersonForMatching ForMatching() =>
        new(GivenNames, FamilyNames, AllOtherNames(), DateOfBirth, Gender);

    /// <summary>The address for the agreed reminder channel: the first phone for SMS, the first email for email.</summary>
    public string? ReminderAddress => ReminderChannel switch
    {
        ReminderChannelKind.Sms => ContactChannels.FirstOrDefault(c => c.Kind == ContactChannelKind.Phone)?.Value,
        ReminderChannelKind.Email => ContactChannels.FirstOrDefault(c => c.Kind == ContactChannelKind.Email)?.Value,
        ReminderChannelKind.Messenger => ContactChannels.FirstOrDefault(c => c.Kind == ContactChannelKind.Messenger)?.Value,
        _ => null,
    };

    /// <summary>
    /// Marks this record as the same person as <paramref name="survivor"/>. The survivor learns this record's names as
    /// other names (so searches for either spelling find it); this record stays, pointing to the survivor.
    /// </summary>
    public void MergeInto(Client survivor)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        if (survivor.Id == Id)
            throw new InvalidOperationException("A record cannot be merged into itself.");
        EnsureActive();
        survivor.EnsureActive();

        foreach (var name in new[] { $"{GivenNames} {FamilyNames}", $"{GivenNamesLatin} {FamilyNamesLatin}" }.Concat(OtherNames))
        {
            var trimmed = name.Trim();
            if (trimmed.Length > 0
                && !survivor.OtherNames.Contains(trimmed, StringComparer.OrdinalIgnoreCase)
                && !string.Equals(trimmed, $"{survivor.GivenNames} {survivor.FamilyNames}", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(trimmed, $"{survivor.GivenNamesLatin} {survivor.FamilyNamesLatin}", StringComparison.OrdinalIgnoreCase))
            {
                survivor.OtherNames = [.. survivor.OtherNames, trimmed];
            }
        }

        survivor.SearchKey = survivor.BuildSearchKey();
        State = ClientState.Merged;
        MergedInto = survivor.Id;
    }

    /// <summary>
    /// Removes the person's identity: names, other names, date of birth, gender, nationalities, contact, residence
    /// details, household, interpreter preferences. Kept: the pseudonym code, the office, when the record was registered,
    /// and the language codes without dialect (for statistics of language needs).
    /// </summary>
    public void Anonymise(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsAnonymised)
            return;

        GivenNames = AnonymisedName;
        FamilyNames = "";
        GivenNamesLatin = AnonymisedName;
        FamilyNamesLatin = "";
        OtherNames = [];
        BirthPrecision = DateOfBirthPrecision.Unknown;
        BirthYear = null;
        BirthDate = null;
        Gender = StatedGender.NotStated;
        Nationalities = [];
        Languages = [.. Languages.Select(l => l with { Dialect = null })];
        Interpreter = Interpreter with { Dialect = null, PreferredGender = StatedGender.NotStated, ExcludedInterpreters = [] };
        ContactChannels = [];
        ReminderChannel = ReminderChannelKind.None;
        ResidenceStatusExpiresOn = null;
        Household = [];
        SearchKey = "";
        State = ClientState.Anonymised;
        AnonymisedAt = at;
        AnonymisationReason = reason;
    }

    private void Apply(ClientDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.GivenNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.FamilyNames);
        GivenNames = details.GivenNames.Trim();
        FamilyNames = details.FamilyNames.Trim();
        GivenNamesLatin = LatinOrTransliterated(details.GivenNamesLatin, GivenNames);
        FamilyNamesLatin = LatinOrTransliterated(details.FamilyNamesLatin, FamilyNames);
        OtherNames = [.. details.OtherNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        BirthPrecision = details.DateOfBirth.Precision;
        BirthYear = details.DateOfBirth.Precision == DateOfBirthPrecision.Unknown ? null : details.DateOfBirth.Year;
        BirthDate = details.DateOfBirth.Date;
        Gender = details.Gender;
        Nationalities = [.. details.Nationalities.Select(n => n.Trim().ToUpperInvariant()).Distinct()];
        Languages = [.. details.Languages];
        PreferredLanguage = details.PreferredLanguage ?? (details.Languages.Count > 0 ? details.Languages[0].Code : null);
        Interpreter = details.Interpreter.Needed ? details.Interpreter : details.Interpreter with { Language = null, Dialect = null };
        ContactChannels = [.. details.ContactChannels];
        ReminderChannel = details.ReminderChannel;
        ResidenceStatus = details.ResidenceStatus;
        ResidenceStatusExpiresOn = details.ResidenceStatusExpiresOn;
        Housing = details.Housing;
        Household = [.. details.Household];
        SearchKey = BuildSearchKey();
    }

    private string BuildSearchKey() =>
        ClientSearchKey.For(new[] { GivenNames, FamilyNames, GivenNamesLatin, FamilyNamesLatin }.Concat(OtherNames));

    private List<string> AllOtherNames()
    {
        var names = new List<string>(OtherNames);
        if (!string.Equals(GivenNamesLatin, GivenNames, StringComparison.Ordinal) || !string.Equals(FamilyNamesLatin, FamilyNames, StringComparison.Ordinal))
            names.Add($"{GivenNamesLatin} {FamilyNamesLatin}");
        return names;
    }

    private string ContactFingerprint() => string.Join(
        "|",
        string.Join(",", ContactChannels),
        ReminderChannel,
        PreferredLanguage,
        Interpreter.Needed,
        Interpreter.Language,
        Interpreter.Dialect,
        Interpreter.PreferredGender,
        string.Join(",", Interpreter.ExcludedInterpreters),
        GivenNamesLatin,
        FamilyNamesLatin);

    private void EnsureActive()
    {
        if (State != ClientState.Active)
            throw new InvalidOperationException($"The client record is {State.ToString().ToLowerInvariant()} and cannot be changed.");
    }

    private static string LatinOrTransliterated(string? latin, string asWritten)
    {
        if (!string.IsNullOrWhiteSpace(latin))
            return latin.Trim();
        if (asWritten.All(c => c < '\u0250' || !char.IsLetter(c)))
            return asWritten;

        // Capitalise each word of the machine transliteration; staff can correct it.
        var words = NameTransliteration.ToLatin(asWritten)
            .Replace(NameTransliteration.DigraphBreak.ToString(), "", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
