using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>Creates (no id) or changes an organisation of the office's directory; changes are checked against the version the administrator saw.</summary>
internal sealed record SaveOrganisation(Guid? OrganisationId, int Version, string? Name, string? Description, string? Email, string? Website, string? Phone)
    : ICommand<DirectoryEntrySaved>;

/// <summary>Creates or changes a service of an organisation, with the organisation's locations it is offered at.</summary>
internal sealed record SaveService(
    Guid? ServiceId,
    Guid OrganisationId,
    int Version,
    string? Name,
    string? Type,
    bool IsPublicBody,
    string? Description,
    string? Eligibility,
    IReadOnlyList<string> Languages,
    string? Fees,
    string? DocumentsToBring,
    string? HowToApply,
    int? TypicalWaitingDays,
    bool TakingNewClients,
    string? Email,
    IReadOnlyList<Guid> LocationIds) : ICommand<DirectoryEntrySaved>;

/// <summary>What a location form carries: an address or "virtual", and one weekly opening-hours rule.</summary>
internal interface ILocationFields
{
    string? Name { get; }

    bool IsVirtual { get; }

    string? Street { get; }

    string? PostalCode { get; }

    string? City { get; }

    string? Accessibility { get; }

    IReadOnlyList<string> Days { get; }

    TimeOnly? OpensAt { get; }

    TimeOnly? ClosesAt { get; }
}

/// <summary>What a contact form carries.</summary>
internal interface IContactFields
{
    string? Name { get; }

    string? Title { get; }

    string? Email { get; }

    string? Phone { get; }
}

/// <summary>Adds a location (address or virtual) with weekly opening hours to an organisation.</summary>
internal sealed record AddLocation(
    Guid OrganisationId, string? Name, bool IsVirtual, string? Street, string? PostalCode, string? City, string? Accessibility,
    IReadOnlyList<string> Days, TimeOnly? OpensAt, TimeOnly? ClosesAt) : ICommand<DirectoryEntrySaved>, ILocationFields;

/// <summary>Adds a contact person or desk to an organisation.</summary>
internal sealed record AddContact(Guid OrganisationId, string? Name, string? Title, string? Email, string? Phone) : ICommand<DirectoryEntrySaved>, IContactFields;

/// <summary>
/// Changes a location. Locations and contacts have no version of their own: a change is checked against the
/// organisation's <paramref name="Version"/> and raises it, so two administrators editing one organisation see a conflict
/// instead of losing an edit. <paramref name="ReplaceOpeningHours"/>: false keeps the location's rules as they are (an
/// imported location may have several, or monthly ones, which the form's one weekly rule cannot show).
/// </summary>
internal sealed record UpdateLocation(
    Guid OrganisationId, Guid LocationId, int Version, string? Name, bool IsVirtual, string? Street, string? PostalCode, string? City,
    string? Accessibility, IReadOnlyList<string> Days, TimeOnly? OpensAt, TimeOnly? ClosesAt, bool ReplaceOpeningHours = true)
    : ICommand<DirectoryEntrySaved>, ILocationFields;

/// <summary>Removes a location, its opening hours and the services' offers at it; checked against the organisation's version.</summary>
internal sealed record RemoveLocation(Guid OrganisationId, Guid LocationId, int Version) : ICommand<DirectoryEntrySaved>;

/// <summary>Changes a contact; checked against the organisation's version.</summary>
internal sealed record UpdateContact(Guid OrganisationId, Guid ContactId, int Version, string? Name, string? Title, string? Email, string? Phone)
    : ICommand<DirectoryEntrySaved>, IContactFields;

/// <summary>Removes a contact; checked against the organisation's version.</summary>
internal sealed record RemoveContact(Guid OrganisationId, Guid ContactId, int Version) : ICommand<DirectoryEntrySaved>;

internal sealed record DirectoryEntrySaved(Guid Id, int Version);

internal sealed class SaveOrganisationValidator : AbstractValidator<SaveOrganisation>
{
    public SaveOrganisationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte einen Namen angeben.").MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.Email).MaximumLength(200).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("Keine gültige E-Mail-Adresse.");
        RuleFor(c => c.Website).MaximumLength(300);
        RuleFor(c => c.Phone).MaximumLength(50);
    }
}

internal sealed class SaveServiceValidator : AbstractValidator<SaveService>
{
    public SaveServiceValidator()
    {
        RuleFor(c => c.Email).MaximumLength(200).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("Keine gültige E-Mail-Adresse.");
        RuleFor(c => c.TypicalWaitingDays).InclusiveBetween(0, 730).WithMessage("Die Wartezeit muss zwischen 0 und 730 Tagen liegen.");
    }
}

internal abstract class LocationFieldsValidator<T> : AbstractValidator<T>
    where T : ILocationFields
{
    protected LocationFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte einen Namen für den Ort angeben.").MaximumLength(200);
        RuleFor(c => c.Street).NotEmpty().When(c => !c.IsVirtual).WithMessage("Bitte eine Straße angeben (oder „virtuell“ wählen).");
        RuleFor(c => c.City).NotEmpty().When(c => !c.IsVirtual).WithMessage("Bitte einen Ort angeben.");
        RuleFor(c => c.Street).MaximumLength(200);
        RuleFor(c => c.PostalCode).MaximumLength(10);
        RuleFor(c => c.City).MaximumLength(100);
        RuleFor(c => c.Accessibility).MaximumLength(1000);
        RuleFor(c => c.Days).Must(d => d.All(OpeningHours.Weekdays.Contains)).WithMessage("Unbekannter Wochentag.");
        RuleFor(c => c.ClosesAt).Must((c, closes) => closes > c.OpensAt).When(c => c.Days.Count > 0)
            .WithMessage("Bitte Öffnungszeiten angeben; das Ende muss nach dem Beginn liegen.");
    }
}

internal sealed class AddLocationValidator : LocationFieldsValidator<AddLocation>;

internal sealed class UpdateLocationValidator : LocationFieldsValidator<UpdateLocation>;

internal sealed class AddContactValidator : ContactFieldsValidator<AddContact>;

internal sealed class UpdateContactValidator : ContactFieldsValidator<UpdateContact>;

internal abstract class ContactFieldsValidator<T> : AbstractValidator<T>
    where T : IContactFields
{
    protected ContactFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte einen Namen angeben.").MaximumLength(200);
        RuleFor(c => c.Title).MaximumLength(200);
        RuleFor(c => c.Email).MaximumLength(200).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("Keine gültige E-Mail-Adresse.");
        RuleFor(c => c.Phone).MaximumLength(50);
    }
}

internal sealed class SaveOrganisationHandler(ReferralsDbContext db, ICurrentUser user) : ICommandHandler<SaveOrganisation, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(SaveOrganisation command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        Organisation organisation;
        if (command.OrganisationId is { } id)
        {
            var found = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");
            }

            organisation = found;
            db.Entry(organisation).Property(o => o.Version).OriginalValue = command.Version;
            organisation.Rename(command.Name!.Trim(), Blank(command.Description), Blank(command.Email), Blank(command.Website), Blank(command.Phone));
        }
        else
        {
            organisation = new Organisation(Guid.CreateVersion7(), office, command.Name!.Trim(), Blank(command.Description), Blank(command.Email), Blank(command.Website), Blank(command.Phone));
            db.Organisations.Add(organisation);
        }

        return new DirectoryEntrySaved(organisation.Id, organisation.Version);
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed class SaveServiceHandler(ReferralsDbContext db, ICurrentUser user) : ICommandHandler<SaveService, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(SaveService command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        var organisation = await db.Organisations.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");
        }

        var description = new ServiceDescription(
            command.Name?.Trim() ?? "", command.Type ?? "", command.IsPublicBody, SaveOrganisationHandler.Blank(command.Description),
            SaveOrganisationHandler.Blank(command.Eligibility), command.Languages.Where(l => !string.IsNullOrWhiteSpace(l)).ToList(),
            SaveOrganisationHandler.Blank(command.Fees), SaveOrganisationHandler.Blank(command.DocumentsToBring), SaveOrganisationHandler.Blank(command.HowToApply),
            command.TypicalWaitingDays, command.TakingNewClients, SaveOrganisationHandler.Blank(command.Email));
        var problems = description.Problems();
        if (problems.Count > 0)
        {
            return Error.Validation(problems.ToDictionary(p => char.ToLowerInvariant(p.Key[0]) + p.Key[1..], p => p.Value));
        }

        if (command.LocationIds.Any(l => organisation.Locations.All(known => known.Id != l)))
        {
            return Error.Validation("locationIds", "Mindestens ein gewählter Ort gehört nicht zu dieser Organisation.");
        }

        PartnerService service;
        if (command.ServiceId is { } id)
        {
            var found = await db.Services.Include(s => s.Locations).SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == organisation.Id, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("service-not-found", "Dieses Angebot gibt es im Verzeichnis nicht.");
            }

            service = found;
            db.Entry(service).Property(s => s.Version).OriginalValue = command.Version;
            service.Describe(description);
        }
        else
        {
            service = new PartnerService(Guid.CreateVersion7(), office, organisation.Id, description);
            db.Services.Add(service);
        }

        foreach (var location in command.LocationIds)
        {
            service.OfferAt(location);
        }

        return new DirectoryEntrySaved(service.Id, service.Version);
    }
}

internal sealed class AddLocationHandler(ReferralsDbContext db) : ICommandHandler<AddLocation, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(AddLocation command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");
        }

        var location = new Location(Guid.CreateVersion7(), organisation.Id, command.Name!.Trim(), command.IsVirtual,
            SaveOrganisationHandler.Blank(command.Street), SaveOrganisationHandler.Blank(command.PostalCode), SaveOrganisationHandler.Blank(command.City),
            SaveOrganisationHandler.Blank(command.Accessibility));
        if (WeeklyHours(location.Id, command) is { } hours)
        {
            location.AddOpeningHours(hours);
        }

        db.Add(location);
        return new DirectoryEntrySaved(location.Id, 1);
    }

    /// <summary>The form's one weekly rule, or null when it gives no days or no times.</summary>
    internal static OpeningHours? WeeklyHours(Guid locationId, ILocationFields fields) =>
        fields.Days.Count > 0 && fields.OpensAt is { } opens && fields.ClosesAt is { } closes
            ? new OpeningHours(Guid.CreateVersion7(), locationId, "WEEKLY", string.Join(',', OpeningHours.Weekdays.Where(fields.Days.Contains)), opens, closes, null)
            : null;
}

/// <summary>
/// Loads an organisation with the location or contact to change, checked against the version the
/// administrator saw; the change raises the organisation's version.
/// </summary>
internal static class OrganisationChange
{
    /// <summary>The organisation (with its locations and their opening hours) and the location to change.</summary>
    public static async Task<Result<(Organisation Organisation, Location Location)>> LocationAsync(
        ReferralsDbContext db, Guid organisationId, Guid locationId, int version, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Locations).ThenInclude(l => l.OpeningHours)
            .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return OrganisationNotFound();
        }

        if (organisation.Locations.SingleOrDefault(l => l.Id == locationId) is not { } location)
        {
            return Error.NotFound("location-not-found", "Diesen Ort gibt es bei der Organisation nicht.");
        }

        CheckAndRaiseVersion(db, organisation, version);
        return (organisation, location);
    }

    /// <summary>The organisation (with its contacts) and the contact to change.</summary>
    public static async Task<Result<(Organisation Organisation, Contact Contact)>> ContactAsync(
        ReferralsDbContext db, Guid organisationId, Guid contactId, int version, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return OrganisationNotFound();
        }

        if (organisation.Contacts.SingleOrDefault(c => c.Id == contactId) is not { } contact)
        {
            return Error.NotFound("contact-not-found", "Diese Ansprechperson gibt es bei der Organisation nicht.");
        }

        CheckAndRaiseVersion(db, organisation, version);
        return (organisation, contact);
    }

    private static Error OrganisationNotFound() => Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");

    /// <summary>The save is checked against the version the administrator saw, and raises it.</summary>
    private static void CheckAndRaiseVersion(ReferralsDbContext db, Organisation organisation, int version)
    {
        var entry = db.Entry(organisation);
        entry.Property(o => o.Version).OriginalValue = version;
        entry.Property(o => o.Version).IsModified = true;
    }
}

internal sealed class UpdateLocationHandler(ReferralsDbContext db) : ICommandHandler<UpdateLocation, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(UpdateLocation command, CancellationToken cancellationToken)
    {
        var loaded = await OrganisationChange.LocationAsync(db, command.OrganisationId, command.LocationId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var location = loaded.Value.Location;

        location.Change(command.Name!.Trim(), command.IsVirtual, SaveOrganisationHandler.Blank(command.Street), SaveOrganisationHandler.Blank(command.PostalCode),
            SaveOrganisationHandler.Blank(command.City), SaveOrganisationHandler.Blank(command.Accessibility));
        if (command.ReplaceOpeningHours)
        {
            location.ReplaceOpeningHours(AddLocationHandler.WeeklyHours(location.Id, command));
        }

        return new DirectoryEntrySaved(location.Id, command.Version + 1);
    }
}

internal sealed class RemoveLocationHandler(ReferralsDbContext db) : ICommandHandler<RemoveLocation, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(RemoveLocation command, CancellationToken cancellationToken)
    {
        var loaded = await OrganisationChange.LocationAsync(db, command.OrganisationId, command.LocationId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (organisation, location) = loaded.Value;

        // The services' offers at this location go with it (explicitly, so both providers do the same).
        db.RemoveRange(await db.Set<ServiceAtLocation>().Where(s => s.LocationId == location.Id).ToListAsync(cancellationToken));
        organisation.RemoveLocation(location);
        db.Remove(location);
        return new DirectoryEntrySaved(location.Id, command.Version + 1);
    }
}

internal sealed class UpdateContactHandler(ReferralsDbContext db) : ICommandHandler<UpdateContact, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(UpdateContact command, CancellationToken cancellationToken)
    {
        var loaded = await OrganisationChange.ContactAsync(db, command.OrganisationId, command.ContactId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var contact = loaded.Value.Contact;

        contact.Change(command.Name!.Trim(), SaveOrganisationHandler.Blank(command.Title), SaveOrganisationHandler.Blank(command.Email), SaveOrganisationHandler.Blank(command.Phone));
        return new DirectoryEntrySaved(contact.Id, command.Version + 1);
    }
}

internal sealed class RemoveContactHandler(ReferralsDbContext db) : ICommandHandler<RemoveContact, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(RemoveContact command, CancellationToken cancellationToken)
    {
        var loaded = await OrganisationChange.ContactAsync(db, command.OrganisationId, command.ContactId, command.Version, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (organisation, contact) = loaded.Value;

        organisation.RemoveContact(contact);
        db.Remove(contact);
        return new DirectoryEntrySaved(contact.Id, command.Version + 1);
    }
}

internal sealed class AddContactHandler(ReferralsDbContext db) : ICommandHandler<AddContact, DirectoryEntrySaved>
{
    public async Task<Result<DirectoryEntrySaved>> Handle(AddContact command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");
        }

        var contact = new Contact(Guid.CreateVersion7(), organisation.Id, null, command.Name!.Trim(), SaveOrganisationHandler.Blank(command.Title),
            SaveOrganisationHandler.Blank(command.Email), SaveOrganisationHandler.Blank(command.Phone));
        db.Add(contact);
        return new DirectoryEntrySaved(contact.Id, 1);
    }
}

/// <summary>The office's organisations for the administration list.</summary>
internal sealed record ListOrganisations : IQuery<IReadOnlyList<OrganisationSummary>>;

internal sealed record OrganisationSummary(Guid Id, string Name, int Services, int Locations);

/// <summary>One organisation with its locations, contacts and services, for editing.</summary>
internal sealed record GetOrganisation(Guid OrganisationId) : IQuery<OrganisationDetails>;

internal sealed record OrganisationDetails(
    Guid Id, string Name, string? Description, string? Email, string? Website, string? Phone, int Version,
    IReadOnlyList<LocationEditItem> Locations, IReadOnlyList<ContactItem> Contacts, IReadOnlyList<ServiceEditItem> Services);

/// <summary>
/// A location as the edit form shows it. <see cref="Days"/>, <see cref="OpensAt"/> and <see cref="ClosesAt"/> are its one
/// weekly rule; <see cref="FormShowsHours"/> is false when it has several or other rules (from an import), which the form
/// then keeps unless told to replace them.
/// </summary>
internal sealed record LocationEditItem(
    Guid Id, string Name, bool IsVirtual, string? Street, string? PostalCode, string? City, string? Accessibility, string AddressLine,
    IReadOnlyList<string> OpeningHours, IReadOnlyList<string> Days, TimeOnly? OpensAt, TimeOnly? ClosesAt, bool FormShowsHours)
{
    public static LocationEditItem Of(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var rules = location.OpeningHours;
        var weekly = rules.Count == 1 && rules[0].Frequency == "WEEKLY" ? rules[0] : null;
        return new LocationEditItem(
            location.Id, location.Name, location.IsVirtual, location.Street, location.PostalCode, location.City, location.Accessibility, location.AddressLine,
            [.. rules.Select(ServiceItems.Describe)], weekly is null ? [] : weekly.ByDay.Split(','), weekly?.OpensAt, weekly?.ClosesAt, rules.Count == 0 || weekly is not null);
    }
}

internal sealed record ContactItem(Guid Id, string Name, string? Title, string? Email, string? Phone);

internal sealed record ServiceEditItem(
    Guid Id, string Name, string Type, bool IsPublicBody, string? Description, string? Eligibility, IReadOnlyList<string> Languages, string? Fees,
    string? DocumentsToBring, string? HowToApply, int? TypicalWaitingDays, bool TakingNewClients, string? Email, IReadOnlyList<Guid> LocationIds, int Version);

internal sealed class ListOrganisationsHandler(ReferralsDbContext db) : IQueryHandler<ListOrganisations, IReadOnlyList<OrganisationSummary>>
{
    public async Task<Result<IReadOnlyList<OrganisationSummary>>> Handle(ListOrganisations query, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(o.Id, o.Name, db.Services.Count(s => s.OrganisationId == o.Id), o.Locations.Count))
            .ToListAsync(cancellationToken);
        return organisations;
    }
}

internal sealed class GetOrganisationHandler(ReferralsDbContext db) : IQueryHandler<GetOrganisation, OrganisationDetails>
{
    public async Task<Result<OrganisationDetails>> Handle(GetOrganisation query, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Locations).ThenInclude(l => l.OpeningHours).Include(o => o.Contacts)
            .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == query.OrganisationId, cancellationToken);
        if (organisation is null)
        {
            return Error.NotFound("organisation-not-found", "Diese Organisation gibt es im Verzeichnis nicht.");
        }

        var services = await db.Services.AsNoTracking().Include(s => s.Locations).Where(s => s.OrganisationId == organisation.Id).OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);
        return new OrganisationDetails(
            organisation.Id, organisation.Name, organisation.Description, organisation.Email, organisation.Website, organisation.Phone, organisation.Version,
            organisation.Locations.OrderBy(l => l.Name).Select(LocationEditItem.Of).ToList(),
            organisation.Contacts.OrderBy(c => c.Name).Select(c => new ContactItem(c.Id, c.Name, c.Title, c.Email, c.Phone)).ToList(),
            services.Select(s => new ServiceEditItem(s.Id, s.Name, s.Type, s.IsPublicBody, s.Description, s.Eligibility, s.Languages, s.Fees, s.DocumentsToBring,
                s.HowToApply, s.TypicalWaitingDays, s.TakingNewClients, s.Email, s.Locations.Select(l => l.LocationId).ToList(), s.Version)).ToList());
    }
}
