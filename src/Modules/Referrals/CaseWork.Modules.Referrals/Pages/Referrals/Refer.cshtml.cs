using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features;
using CaseWork.Modules.Referrals.Features.Directory;
using CaseWork.Modules.Referrals.Features.Refer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>
/// "Refer" from the case file: pick the needs, find the service in the directory, see which categories a consent for that
/// recipient covers, choose what to share (the minimum for public bodies), and send. The agency link is shown once.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class ReferModel(
    IQueryHandler<PrepareReferral, ReferralDraftView> prepare,
    IQueryHandler<SearchServices, IReadOnlyList<ServiceListItem>> search,
    ICommandHandler<ReferClient, ReferralSentReceipt> refer,
    AgencyNotifier notifier) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ServiceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty]
    public ReferForm Form { get; set; } = new();

    public ReferralDraftView? Draft { get; private set; }

    public IReadOnlyList<ServiceListItem> Services { get; private set; } = [];

    public ReferralSentReceipt? Sent { get; private set; }

    public string? AgencyLinkUrl { get; private set; }

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    /// <summary>Whether the category box starts ticked: what was posted, else the minimum the consent covers.</summary>
    public bool Ticked(string category) => Request.HasFormContentType ? Form.Categories.Contains(category) : Draft?.Coverage?.Default.Contains(category) == true;

    public bool NeedTicked(Guid needId) => Request.HasFormContentType ? Form.NeedIds.Contains(needId) : Draft?.Needs.Count == 1 || Need == Draft?.Needs.FirstOrDefault(n => n.NeedId == needId)?.Area;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        if (ServiceId is null)
        {
            var found = await search.Handle(new SearchServices(Need, Language, Place), cancellationToken);
            Services = found.IsSuccess ? found.Value : [];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        var result = await refer.Handle(
            new ReferClient(ClientId, ServiceId ?? Guid.Empty, Form.NeedIds, Form.Categories, Form.Urgency ?? "normal", Form.Message,
                Form.PublicBodyWarningAcknowledged, IsSupervisor ? Form.ConsentOverrideReason : null),
            cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Error.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [result.Error.Message] })
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : "Form." + field, message);
                }
            }

            return Page();
        }

        Sent = result.Value;
        AgencyLinkUrl = $"{Request.Scheme}://{Request.Host}{Sent.AgencyLink}";
        await notifier.TellAgencyAsync(Sent, Request, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await prepare.Handle(new PrepareReferral(ClientId, ServiceId), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.Kind == ErrorKind.NotFound ? NotFound() : StatusCode(StatusCodes.Status409Conflict);
        }

        Draft = result.Value;
        return null;
    }
}

/// <summary>The refer form as posted.</summary>
internal sealed class ReferForm
{
    public List<Guid> NeedIds { get; set; } = [];

    public List<string> Categories { get; set; } = [];

    public string? Urgency { get; set; } = "normal";

    public string? Message { get; set; }

    public bool PublicBodyWarningAcknowledged { get; set; }

    public string? ConsentOverrideReason { get; set; }
}
