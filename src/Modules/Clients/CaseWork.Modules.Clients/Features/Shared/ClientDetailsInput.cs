using System.Globalization;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using FluentValidation;

namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>A language the client speaks: catalog code, level ("Native", "Fluent", "Basic"), dialect.</summary>
internal sealed record LanguageInput(string? Code, string? Level, string? Dialect);

/// <summary>Interpreter need and preferences; <c>PreferredGender</c> is "Female", "Male" or empty.</summary>
internal sealed record InterpreterInput(bool Needed, string? Language, string? Dialect, string? PreferredGender, IReadOnlyList<Guid>? ExcludedInterpreters);

/// <summary>A contact channel: kind ("Phone", "Messenger", "Email", "PostalAddress", "ViaOffice", "ViaSharedHousing"), value, note.</summary>
internal sealed record ContactChannelInput(string? Kind, string? Value, string? Note);

/// <summary>A household member: a linked client or a plain entry.</summary>
internal sealed record HouseholdMemberInput(Guid? LinkedClientId, string? Name, string? Relationship, int? BirthYear);

/// <summary>
/// A client's personal details as the API and the pages send them. Enumerations are strings (names of the domain
/// enums, case-insensitive) so that a wrong value is a field error, not an unreadable body. <c>DateOfBirth</c> is
/// "yyyy-MM-dd", "yyyy" or empty (unknown).
/// </summary>
internal sealed record ClientDetailsInput(
    string? GivenNames,
    string? FamilyNames,
    string? GivenNamesLatin = null,
    string? FamilyNamesLatin = null,
    IReadOnlyList<string>? OtherNames = null,
    string? DateOfBirth = null,
    string? Gender = null,
    IReadOnlyList<string>? Nationalities = null,
    IReadOnlyList<LanguageInput>? Languages = null,
    string? PreferredLanguage = null,
    InterpreterInput? Interpreter = null,
    IReadOnlyList<ContactChannelInput>? ContactChannels = null,
    string? ReminderChannel = null,
    string? ResidenceStatus = null,
    DateOnly? ResidenceStatusExpiresOn = null,
    string? Housing = null,
    IReadOnlyList<HouseholdMemberInput>? Household = null)
{
    /// <summary>The domain value; call only after validation.</summary>
    public ClientDetails ToDetails() => new(
        GivenNames!,
        FamilyNames!,
        Blank(GivenNamesLatin),
        Blank(FamilyNamesLatin),
        OtherNames ?? [],
        Domain.DateOfBirth.Parse(DateOfBirth),
        InputEnum.Parse(Gender, StatedGender.NotStated),
        Nationalities ?? [],
        [.. (Languages ?? []).Select(l => new LanguageSkill(l.Code!, InputEnum.Parse(l.Level, LanguageLevel.Fluent), Blank(l.Dialect)))],
        Blank(PreferredLanguage),
        Interpreter is null
            ? InterpreterPreferences.None
            : new InterpreterPreferences(
                Interpreter.Needed,
                Blank(Interpreter.Language),
                Blank(Interpreter.Dialect),
                InputEnum.Parse(Interpreter.PreferredGender, StatedGender.NotStated),
                Interpreter.ExcludedInterpreters ?? []),
        [.. (ContactChannels ?? []).Select(c => new ContactChannel(InputEnum.Parse(c.Kind, ContactChannelKind.Phone), c.Value!.Trim(), Blank(c.Note)))],
        InputEnum.Parse(ReminderChannel, ReminderChannelKind.None),
        InputEnum.Parse(ResidenceStatus, ResidenceStatusKind.Unknown),
        ResidenceStatusExpiresOn,
        InputEnum.Parse(Housing, HousingSituation.Unknown),
        [.. (Household ?? []).Select(h => new HouseholdMember(h.LinkedClientId, Blank(h.Name), h.Relationship!.Trim(), h.BirthYear))]);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Enumerations given as text.</summary>
internal static class InputEnum
{
    public static bool IsValid<T>(string? text)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) || (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _));

    public static bool IsGiven<T>(string? text)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && IsValid<T>(text);

    public static T Parse<T>(string? text, T fallback)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback : Enum.Parse<T>(text.Trim(), ignoreCase: true);

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}

/// <summary>Field rules for <see cref="ClientDetailsInput"/>; the date of birth may not lie in the future (office calendar).</summary>
internal sealed class ClientDetailsValidator : AbstractValidator<ClientDetailsInput>
{
    public const int MaxNameLength = 200;

    public ClientDetailsValidator(TimeProvider time)
    {
        RuleFor(d => d.GivenNames).NotEmpty().WithMessage("Given names are required.").MaximumLength(MaxNameLength);
        RuleFor(d => d.FamilyNames).NotEmpty().WithMessage("Family names are required.").MaximumLength(MaxNameLength);
        RuleFor(d => d.GivenNamesLatin).MaximumLength(MaxNameLength);
        RuleFor(d => d.FamilyNamesLatin).MaximumLength(MaxNameLength);
        RuleFor(d => d.OtherNames).Must(n => n is null || n.Count <= 20).WithMessage("At most 20 other names.");
        RuleForEach(d => d.OtherNames).NotEmpty().MaximumLength(MaxNameLength);
        RuleFor(d => d.DateOfBirth).Must(BeAValidDateOfBirth).WithMessage("Give the date of birth as yyyy-MM-dd or yyyy, or leave it empty.")
            .Must(d => NotInTheFuture(d, OfficeCalendar.Today(time))).WithMessage("The date of birth lies in the future.");
        RuleFor(d => d.Gender).Must(InputEnum.IsValid<StatedGender>).WithMessage($"Gender is one of: {InputEnum.Names<StatedGender>()}.");
        RuleForEach(d => d.Nationalities).Matches("^[A-Za-z]{2,3}$").WithMessage("Nationalities are ISO country codes (e.g. SY, AF, UA).");
        RuleForEach(d => d.Languages).ChildRules(language =>
        {
            language.RuleFor(l => l.Code).Must(LanguageCatalog.IsKnown).WithMessage("Unknown language code.");
            language.RuleFor(l => l.Level).Must(InputEnum.IsValid<LanguageLevel>).WithMessage($"Level is one of: {InputEnum.Names<LanguageLevel>()}.");
            language.RuleFor(l => l.Dialect).MaximumLength(64);
        });
        RuleFor(d => d.PreferredLanguage).Must(c => string.IsNullOrWhiteSpace(c) || c == "de" || LanguageCatalog.IsKnown(c)).WithMessage("Unknown language code.");
        When(d => d.Interpreter is not null, () =>
        {
            RuleFor(d => d.Interpreter!.Language).Must(LanguageCatalog.IsKnown!).When(d => d.Interpreter!.Needed)
                .WithMessage("Name the language to interpret (a known language code).");
            RuleFor(d => d.Interpreter!.Dialect).MaximumLength(64);
            RuleFor(d => d.Interpreter!.PreferredGender).Must(InputEnum.IsValid<StatedGender>).WithMessage("Preferred gender is Female, Male or empty.");
        });
        RuleFor(d => d.ContactChannels).Must(c => c is null || c.Count <= 20).WithMessage("At most 20 contact channels.");
        RuleForEach(d => d.ContactChannels).ChildRules(channel =>
        {
            channel.RuleFor(c => c.Kind).Must(InputEnum.IsGiven<ContactChannelKind>).WithMessage($"Kind is one of: {InputEnum.Names<ContactChannelKind>()}.");
            channel.RuleFor(c => c.Value).NotEmpty().MaximumLength(500);
            channel.RuleFor(c => c.Note).MaximumLength(500);
        });
        RuleFor(d => d.ReminderChannel).Must(InputEnum.IsValid<ReminderChannelKind>).WithMessage($"Reminder channel is one of: {InputEnum.Names<ReminderChannelKind>()}.");
        RuleFor(d => d).Must(HaveAnAddressForTheReminderChannel).WithName("reminderChannel")
            .WithMessage("The reminder channel needs a matching contact channel (a phone for SMS, an email address for email).")
            .When(d => InputEnum.IsValid<ReminderChannelKind>(d.ReminderChannel) && (d.ContactChannels ?? []).All(c => InputEnum.IsGiven<ContactChannelKind>(c.Kind)));
        RuleFor(d => d.ResidenceStatus).Must(InputEnum.IsValid<ResidenceStatusKind>).WithMessage($"Residence status is one of: {InputEnum.Names<ResidenceStatusKind>()}.");
        RuleFor(d => d.Housing).Must(InputEnum.IsValid<HousingSituation>).WithMessage($"Housing is one of: {InputEnum.Names<HousingSituation>()}.");
        RuleFor(d => d.Household).Must(h => h is null || h.Count <= 30).WithMessage("At most 30 household members.");
        RuleForEach(d => d.Household).ChildRules(member =>
        {
            member.RuleFor(m => m.Relationship).NotEmpty().MaximumLength(64);
            member.RuleFor(m => m.Name).MaximumLength(MaxNameLength);
            member.RuleFor(m => m).Must(m => m.LinkedClientId is not null || !string.IsNullOrWhiteSpace(m.Name)).WithName("name")
                .WithMessage("A household member is a linked client or has a name.");
        });
    }

    private static bool BeAValidDateOfBirth(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return true;
        text = text.Trim();
        return (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900)
               || (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900);
    }

    private static bool NotInTheFuture(string? text, DateOnly today)
    {
        if (!BeAValidDateOfBirth(text) || string.IsNullOrWhiteSpace(text))
            return true;
        var dateOfBirth = Domain.DateOfBirth.Parse(text);
        return dateOfBirth.Date is { } date ? date <= today : dateOfBirth.Year <= today.Year;
    }

    private static bool HaveAnAddressForTheReminderChannel(ClientDetailsInput details)
    {
        var channel = InputEnum.Parse(details.ReminderChannel, ReminderChannelKind.None);
        var kinds = (details.ContactChannels ?? []).Select(c => InputEnum.Parse(c.Kind, ContactChannelKind.Phone)).ToList();
        return channel switch
        {
            ReminderChannelKind.Sms => kinds.Contains(ContactChannelKind.Phone),
            ReminderChannelKind.Email => kinds.Contains(ContactChannelKind.Email),
            ReminderChannelKind.Messenger => kinds.Contains(ContactChannelKind.Messenger),
            _ => true,
        };
    }
}
