using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Administrators create and change an organisation, add its locations (with weekly opening hours) and contacts, and reach its services.</summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class OrganisationModel(
    IQueryHandler<GetOrganisation, OrganisationDetails> get,
    ICommandHandler<SaveOrganisation, DirectoryEntrySaved> save,
    ICommandHandler<AddLocation, DirectoryEntrySaved> addLocation,
    ICommandHandler<AddContact, DirectoryEntrySaved> addContact,
    ICommandHandler<UpdateLocation, DirectoryEntrySaved> updateLocation,
    ICommandHandler<RemoveLocation, DirectoryEntrySaved> removeLocation,
    ICommandHandler<UpdateContact, DirectoryEntrySaved> updateContact,
    ICommandHandler<RemoveContact, DirectoryEntrySaved> removeContact,
    IQueryHandler<ListPartnerAccounts, PartnerAccountsView> listPartners,
    ICommandHandler<LinkPartnerAccount, Unit> linkPartner,
    ICommandHandler<UnlinkPartnerAccount, Unit> unlinkPartner) : DirectoryPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    [BindProperty]
    public OrganisationForm Organisation { get; set; } = new();

    [BindProperty]
    public LocationForm Location { get; set; } = new();

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    [BindProperty]
    public LocationForm EditedLocation { get; set; } = new();

    [BindProperty]
    public ContactForm EditedContact { get; set; } = new();

    [BindProperty]
    public PartnerLinkForm PartnerLink { get; set; } = new();

    public OrganisationDetails? Details { get; private set; }

    /// <summary>The partner accounts linked to the organisation and the office's partner users that could be (an existing organisation only).</summary>
    public PartnerAccountsView? Partners { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Details is { } d)
        {
            FillOrganisation(d);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var o = Organisation;
        var result = await save.Handle(new SaveOrganisation(Id, o.Version, o.Name, o.Description, o.Email, o.Website, o.Phone), cancellationToken);
        return await AfterAsync(result, nameof(Organisation), "organisation", cancellationToken);
    }

    public async Task<IActionResult> OnPostLocationAsync(CancellationToken cancellationToken)
    {
        var l = Location;
        var result = await addLocation.Handle(
            new AddLocation(Id ?? Guid.Empty, l.Name, l.IsVirtual, l.Street, l.PostalCode, l.City, l.Accessibility, l.Days, l.OpensAt, l.ClosesAt), cancellationToken);
        return await AfterAsync(result, nameof(Location), "location", cancellationToken);
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken cancellationToken)
    {
        var c = Contact;
        var result = await addContact.Handle(new AddContact(Id ?? Guid.Empty, c.Name, c.Title, c.Email, c.Phone), cancellationToken);
        return await AfterAsync(result, nameof(Contact), "contact", cancellationToken);
    }

    public async Task<IActionResult> OnPostEditLocationAsync(Guid locationId, CancellationToken cancellationToken)
    {
        var l = EditedLocation;
        var result = await updateLocation.Handle(
            new UpdateLocation(Id ?? Guid.Empty, locationId, Organisation.Version, l.Name, l.IsVirtual, l.Street, l.PostalCode, l.City, l.Accessibility,
                l.Days, l.OpensAt, l.ClosesAt, l.ReplaceOpeningHours),
            cancellationToken);
        return await AfterAsync(result, nameof(EditedLocation), "location", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveLocationAsync(Guid locationId, CancellationToken cancellationToken) =>
        await AfterAsync(await removeLocation.Handle(new RemoveLocation(Id ?? Guid.Empty, locationId, Organisation.Version), cancellationToken), "", "location-removed", cancellationToken);

    public async Task<IActionResult> OnPostEditContactAsync(Guid contactId, CancellationToken cancellationToken)
    {
        var c = EditedContact;
        var result = await updateContact.Handle(new UpdateContact(Id ?? Guid.Empty, contactId, Organisation.Version, c.Name, c.Title, c.Email, c.Phone), cancellationToken);
        return await AfterAsync(result, nameof(EditedContact), "contact", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        await AfterAsync(await removeContact.Handle(new RemoveContact(Id ?? Guid.Empty, contactId, Organisation.Version), cancellationToken), "", "contact-removed", cancellationToken);

    public async Task<IActionResult> OnPostLinkPartnerAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await linkPartner.Handle(new LinkPartnerAccount(Id ?? Guid.Empty, PartnerLink.UserId, PartnerLink.Email), cancellationToken), nameof(PartnerLink), "partner-linked", cancellationToken);

    public async Task<IActionResult> OnPostUnlinkPartnerAsync(Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(await unlinkPartner.Handle(new UnlinkPartnerAccount(Id ?? Guid.Empty, userId), cancellationToken), "", "partner-unlinked", cancellationToken);

    private async Task<IActionResult> AfterAsync(Result<Unit> result, string prefix, string saved, CancellationToken cancellationToken) =>
        result.IsSuccess ? Redirect($"/Referrals/Organisation/{Id}?saved={saved}") : await FailedAsync(result.Error, prefix, cancellationToken);

    private async Task<IActionResult> AfterAsync(Result<DirectoryEntrySaved> result, string prefix, string saved, CancellationToken cancellationToken) =>
        result.IsSuccess ? Redirect($"/Referrals/Organisation/{Id ?? result.Value.Id}?saved={saved}") : await FailedAsync(result.Error, prefix, cancellationToken);

    private async Task<IActionResult> FailedAsync(Error error, string prefix, CancellationToken cancellationToken)
    {
        if (error.Kind == ErrorKind.NotFound && error.Code == "organisation-not-found")
        {
            return NotFound();
        }

        // The page again, with the error and a status that says what happened (a location or contact already gone: 404).
        Response.StatusCode = error.Kind switch
        {
            ErrorKind.Conflict => Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict,
            ErrorKind.NotFound => Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound,
            _ => Response.StatusCode,
        };

        ShowErrors(error, prefix);
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // The organisation form shows what is stored (and its current version) unless it is the form that failed.
        if (prefix != nameof(Organisation) && Details is { } d)
        {
            FillOrganisation(d);
        }

        return Page();
    }

    private void FillOrganisation(OrganisationDetails d) =>
        Organisation = new OrganisationForm { Name = d.Name, Description = d.Description, Email = d.Email, Website = d.Website, Phone = d.Phone, Version = d.Version };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return true;
        }

        var result = await get.Handle(new GetOrganisation(id), cancellationToken);
        Details = result.IsSuccess ? result.Value : null;
        if (Details is null)
        {
            return false;
        }

        var partners = await listPartners.Handle(new ListPartnerAccounts(id), cancellationToken);
        Partners = partners.IsSuccess ? partners.Value : null;
        return true;
    }
}

/// <summary>A partner user to link: chosen from the office's partner users, or by e-mail address.</summary>
internal sealed class PartnerLinkForm
{
    public Guid? UserId { get; set; }

    public string? Email { get; set; }
}

internal sealed class OrganisationForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? Phone { get; set; }

    public int Version { get; set; }
}

internal sealed class LocationForm
{
    public string? Name { get; set; }

    public bool IsVirtual { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; } = "Berlin";

    public string? Accessibility { get; set; }

    public List<string> Days { get; set; } = [];

    public TimeOnly? OpensAt { get; set; }

    public TimeOnly? ClosesAt { get; set; }

    /// <summary>Editing: replace the location's opening hours with the form's weekly rule (the form sends true when it shows them).</summary>
    public bool ReplaceOpeningHours { get; set; }
}

internal sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}
