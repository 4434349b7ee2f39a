using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Administrators create and change a service of an organisation: type, public-body flag, languages, waiting time, where it is offered.</summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class ServiceModel(
    IQueryHandler<GetOrganisation, OrganisationDetails> get,
    ICommandHandler<SaveService, DirectoryEntrySaved> save) : DirectoryPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ServiceId { get; set; }

    [BindProperty]
    public ServiceForm Service { get; set; } = new();

    public OrganisationDetails? Organisation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ServiceId is { } id)
        {
            if (Organisation!.Services.FirstOrDefault(s => s.Id == id) is not { } s)
            {
                return NotFound();
            }

            Service = new ServiceForm
            {
                Name = s.Name, Type = s.Type, IsPublicBody = s.IsPublicBody, Description = s.Description, Eligibility = s.Eligibility,
                Languages = string.Join(", ", s.Languages), Fees = s.Fees, DocumentsToBring = s.DocumentsToBring, HowToApply = s.HowToApply,
                TypicalWaitingDays = s.TypicalWaitingDays, TakingNewClients = s.TakingNewClients, Email = s.Email, LocationIds = [.. s.LocationIds], Version = s.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var s = Service;
        var languages = (s.Languages ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var result = await save.Handle(
            new SaveService(ServiceId, OrganisationId, s.Version, s.Name, s.Type, s.IsPublicBody, s.Description, s.Eligibility, languages, s.Fees,
                s.DocumentsToBring, s.HowToApply, s.TypicalWaitingDays, s.TakingNewClients, s.Email, s.LocationIds),
            cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/Referrals/Organisation/{OrganisationId}?saved=service");
        }

        if (result.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (result.Error.Kind == ErrorKind.Conflict)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict;
        }

        ShowErrors(result.Error, nameof(Service));
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetOrganisation(OrganisationId), cancellationToken);
        Organisation = result.IsSuccess ? result.Value : null;
        return Organisation is not null;
    }
}

internal sealed class ServiceForm
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public bool IsPublicBody { get; set; }

    public string? Description { get; set; }

    public string? Eligibility { get; set; }

    /// <summary>Language codes, comma separated (e.g. "de, ar, fa").</summary>
    public string? Languages { get; set; } = "de";

    public string? Fees { get; set; }

    public string? DocumentsToBring { get; set; }

    public string? HowToApply { get; set; }

    public int? TypicalWaitingDays { get; set; }

    public bool TakingNewClients { get; set; } = true;

    public string? Email { get; set; }

    public List<Guid> LocationIds { get; set; } = [];

    public int Version { get; set; }
}
