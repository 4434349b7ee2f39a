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

/// <summary>Adds a location (address or virtual) with weekly opening hours to an organisation.</summary>
internal sealed record AddLocation(
    Guid OrganisationId, string? Name, bool IsVirtual, string? Street, string? PostalCode, string? City, string? Accessibility,
    IReadOnlyList<string> Days, TimeOnly? OpensAt, TimeOnly? ClosesAt) : ICommand<DirectoryEntrySaved>;

/// <summary>Adds a contact person or desk to an organisation.</summary>
internal sealed record AddContact(Guid OrganisationId, string? Name, string? Title, string? Email, string? Phone) : ICommand<DirectoryEntrySaved>;

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

internal sealed class AddLocationValidator : AbstractValidator<AddLocation>
{
    public AddLocationValidator()
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

internal sealed class AddContactValidator : AbstractValidator<AddContact>
{
    public AddContactValidator()
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
        if (command.Days.Count > 0 && command.OpensAt is { } opens && command.ClosesAt is { } closes)
        {
            var days = string.Join(',', OpeningHours.Weekdays.Where(command.Days.Contains));
            location.AddOpeningHours(new OpeningHours(Guid.CreateVersion7(), location.Id, "WEEKLY", days, opens, closes, null));
        }

        db.Add(location);
        return new DirectoryEntrySaved(location.Id, 1);
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
    IReadOnlyList<LocationItem> Locations, IReadOnlyList<ContactItem> Contacts, IReadOnlyList<ServiceEditItem> Services);

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
            organisation.Locations.Select(l => new LocationItem(l.Id, l.Name, l.IsVirtual, l.AddressLine, l.Accessibility, l.OpeningHours.Select(ServiceItems.Describe).ToList())).ToList(),
            organisation.Contacts.Select(c => new ContactItem(c.Id, c.Name, c.Title, c.Email, c.Phone)).ToList(),
            services.Select(s => new ServiceEditItem(s.Id, s.Name, s.Type, s.IsPublicBody, s.Description, s.Eligibility, s.Languages, s.Fees, s.DocumentsToBring,
                s.HowToApply, s.TypicalWaitingDays, s.TakingNewClients, s.Email, s.Locations.Select(l => l.LocationId).ToList(), s.Version)).ToList());
    }
}
