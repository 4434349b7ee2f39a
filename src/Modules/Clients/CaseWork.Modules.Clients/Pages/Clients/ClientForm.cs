using CaseWork.Modules.Clients.Features.Shared;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>The client form as posted by the registration and edit pages: flat fields a person can fill in on a phone.</summary>
internal sealed class ClientForm
{
    public static readonly string[] Fields =
    [
        nameof(GivenNames), nameof(FamilyNames), nameof(GivenNamesLatin), nameof(FamilyNamesLatin), nameof(OtherNames), nameof(DateOfBirth),
        nameof(Gender), nameof(Nationalities), nameof(PreferredLanguage), nameof(ReminderChannel), nameof(ResidenceStatus),
        nameof(ResidenceStatusExpiresOn), nameof(Housing),
    ];

    public string? GivenNames { get; set; }

    public string? FamilyNames { get; set; }

    public string? GivenNamesLatin { get; set; }

    public string? FamilyNamesLatin { get; set; }

    public string? OtherNames { get; set; }

    public string? DateOfBirth { get; set; }

    public string? Gender { get; set; }

    public string? Nationalities { get; set; }

    public string? Language1 { get; set; }

    public string? Language1Level { get; set; }

    public string? Language1Dialect { get; set; }

    public string? Language2 { get; set; }

    public string? Language2Level { get; set; }

    public string? Language2Dialect { get; set; }

    public string? PreferredLanguage { get; set; }

    public bool InterpreterNeeded { get; set; }

    public string? InterpreterLanguage { get; set; }

    public string? InterpreterDialect { get; set; }

    public string? InterpreterGender { get; set; }

    public string? Phone { get; set; }

    public string? Messenger { get; set; }

    public string? Email { get; set; }

    public string? PostalAddress { get; set; }

    public string? ReachableVia { get; set; }

    public string? ReminderChannel { get; set; }

    public string? ResidenceStatus { get; set; }

    public DateOnly? ResidenceStatusExpiresOn { get; set; }

    public string? Housing { get; set; }

    public ClientDetailsInput ToInput()
    {
        var languages = new List<LanguageInput>();
        if (!string.IsNullOrWhiteSpace(Language1))
        {
            languages.Add(new LanguageInput(Language1, Language1Level, Language1Dialect));
        }

        if (!string.IsNullOrWhiteSpace(Language2))
        {
            languages.Add(new LanguageInput(Language2, Language2Level, Language2Dialect));
        }

        var channels = new List<ContactChannelInput>();
        void Add(string kind, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                channels.Add(new ContactChannelInput(kind, value.Trim(), null));
            }
        }

        Add("Phone", Phone);
        Add("Messenger", Messenger);
        Add("Email", Email);
        Add("PostalAddress", PostalAddress);
        Add("ViaOffice", ReachableVia);

        return new ClientDetailsInput(
            GivenNames,
            FamilyNames,
            GivenNamesLatin,
            FamilyNamesLatin,
            Split(OtherNames),
            DateOfBirth,
            Gender,
            [.. Split(Nationalities).Select(n => n.ToUpperInvariant())],
            languages,
            string.IsNullOrWhiteSpace(PreferredLanguage) ? null : PreferredLanguage,
            new InterpreterInput(InterpreterNeeded, InterpreterNeeded ? InterpreterLanguage : null, InterpreterNeeded ? InterpreterDialect : null, InterpreterGender, null),
            channels,
            ReminderChannel,
            ResidenceStatus,
            ResidenceStatusExpiresOn,
            Housing,
            null);
    }

    private static List<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
