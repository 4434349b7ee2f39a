using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features;
using CaseWork.Modules.Referrals.Features.Directory;
using CaseWork.Modules.Referrals.Features.Drafts;
using CaseWork.Modules.Referrals.Features.Refer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>
/// "Refer" from the case file: pick the needs, find the service in the directory, see which categories a consent for that
/// recipient covers, choose what to share (the minimum for public bodies), and send. The agency link is shown once.
/// A streetworker may save the form as a draft instead (no consent needed yet) and come back to edit, send or discard it
/// (<c>?draftId=</c>); sending a draft checks the consent then.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class ReferModel(
    IQueryHandler<PrepareReferral, ReferralDraftView> prepare,
    IQueryHandler<SearchServices, IReadOnlyList<ServiceListItem>> search,
    ICommandHandler<ReferClient, ReferralSentReceipt> refer,
    IQueryHandler<GetReferralDraft, ReferralDraftDetails> getDraft,
    ICommandHandler<DraftReferral, ReferralDraftSaved> saveDraft,
    ICommandHandler<EditReferralDraft, ReferralDraftSaved> editDraft,
    ICommandHandler<SendReferralDraft, ReferralSentReceipt> sendDraft,
    ICommandHandler<DiscardReferralDraft, ReferralDraftSaved> discardDraft,
    AgencyNotifier notifier) : PageModel
{
    private bool _formFromDraft;

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

    /// <summary>The saved draft being edited, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? DraftId { get; set; }

    /// <summary>Set on the way to choosing another service for a draft (otherwise the draft's service is shown).</summary>
    [BindProperty(SupportsGet = true)]
    public bool ChangeService { get; set; }

    /// <summary>Set after a draft was saved (the page then says so).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty]
    public ReferForm Form { get; set; } = new();

    /// <summary>The draft was saved but sending it was refused (its edits are kept).</summary>
    public bool SavedButNotSent { get; private set; }

    public bool IsStreetworker => User.IsInRole(Roles.Streetworker);

    public ReferralDraftView? Draft { get; private set; }

    public IReadOnlyList<ServiceListItem> Services { get; private set; } = [];

    public ReferralSentReceipt? Sent { get; private set; }

    public string? AgencyLinkUrl { get; private set; }

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    /// <summary>Whether the category box starts ticked: what was posted, else the minimum the consent covers.</summary>
    public bool Ticked(string category) => Request.HasFormContentType || _formFromDraft ? Form.Categories.Contains(category) : Draft?.Coverage?.Default.Contains(category) == true;

    public bool NeedTicked(Guid needId) => Request.HasFormContentType || _formFromDraft
        ? Form.NeedIds.Contains(needId)
        : Draft?.Needs.Count == 1 || Need == Draft?.Needs.FirstOrDefault(n => n.NeedId == needId)?.Area;

    /// <summary>Query string that keeps the draft (if any) on links of this page.</summary>
    public string DraftQuery => DraftId is { } id ? $"&draftId={id}" : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (DraftId is { } draftId)
        {
            var draft = await getDraft.Handle(new GetReferralDraft(draftId), cancellationToken);
            if (!draft.IsSuccess || draft.Value.ClientId != ClientId)
            {
                // A draft already sent or discarded shows as what it is now.
                return draft.IsSuccess || draft.Error.Kind == ErrorKind.NotFound ? NotFound() : RedirectToPage("Details", new { id = draftId });
            }

            var saved = draft.Value;
            if (ServiceId is null && !ChangeService)
            {
                ServiceId = saved.ServiceId;
            }

            Form = new ReferForm
            {
                NeedIds = [.. saved.NeedIds],
                Categories = [.. saved.Categories],
                Urgency = saved.Urgency,
                Message = saved.Message,
                PublicBodyWarningAcknowledged = saved.PublicBodyWarningAcknowledged,
                Version = saved.Version,
            };
            _formFromDraft = true;
        }

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

        Result<ReferralSentReceipt> result;
        if (DraftId is { } draftId)
        {
            // The form's state is saved to the draft first, then the draft is sent: a refused send loses nothing.
            var edited = await SaveDraftAsync(draftId, cancellationToken);
            if (!edited.IsSuccess)
            {
                return Refused(edited.Error);
            }

            Form.Version = edited.Value.Version;
            result = await sendDraft.Handle(
                new SendReferralDraft(draftId, edited.Value.Version, Form.PublicBodyWarningAcknowledged, IsSupervisor ? Form.ConsentOverrideReason : null), cancellationToken);
            SavedButNotSent = !result.IsSuccess;
        }
        else
        {
            result = await refer.Handle(
                new ReferClient(ClientId, ServiceId ?? Guid.Empty, Form.NeedIds, Form.Categories, Form.Urgency ?? "normal", Form.Message,
                    Form.PublicBodyWarningAcknowledged, IsSupervisor ? Form.ConsentOverrideReason : null),
                cancellationToken);
        }

        if (!result.IsSuccess)
        {
            return Refused(result.Error);
        }

        Sent = result.Value;
        AgencyLinkUrl = $"{Request.Scheme}://{Request.Host}{Sent.AgencyLink}";
        await notifier.TellAgencyAsync(Sent, Request, cancellationToken);
        return Page();
    }

    /// <summary>"Als Entwurf speichern": a new draft, or the edited one; no consent is checked.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        var result = DraftId is { } draftId
            ? await SaveDraftAsync(draftId, cancellationToken)
            : await saveDraft.Handle(
                new DraftReferral(ClientId, ServiceId ?? Guid.Empty, Form.NeedIds, Form.Categories, Form.Urgency, Form.Message, Form.PublicBodyWarningAcknowledged),
                cancellationToken);
        if (!result.IsSuccess)
        {
            return Refused(result.Error);
        }

        return Redirect($"/Referrals/Refer/{ClientId}?serviceId={ServiceId}&draftId={result.Value.ReferralId}&saved=true");
    }

    /// <summary>"Entwurf verwerfen": the draft becomes withdrawn (kept in the history).</summary>
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
    {
        if (DraftId is not { } draftId)
        {
            return NotFound();
        }

        var result = await discardDraft.Handle(new DiscardReferralDraft(draftId, Form.Version), cancellationToken);
        if (!result.IsSuccess)
        {
            var loaded = await LoadAsync(cancellationToken);
            return loaded ?? Refused(result.Error);
        }

        return Redirect($"/Referrals/Client/{ClientId}?discarded=true");
    }

    private Task<Result<ReferralDraftSaved>> SaveDraftAsync(Guid draftId, CancellationToken cancellationToken) =>
        editDraft.Handle(
            new EditReferralDraft(draftId, Form.Version, ServiceId ?? Guid.Empty, Form.NeedIds, Form.Categories, Form.Urgency, Form.Message, Form.PublicBodyWarningAcknowledged),
            cancellationToken);

    private IActionResult Refused(Error error)
    {
        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [error.Code == "concurrent-edit" ? ConcurrentEditMessage : error.Message] })
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : "Form." + field, message);
            }
        }

        return Page();
    }

    private const string ConcurrentEditMessage =
        "Dieser Entwurf wurde inzwischen von jemand anderem geändert. Ihre Eingaben stehen noch im Formular: Bitte laden Sie den Entwurf neu und übernehmen Sie Ihre Änderungen.";

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

    /// <summary>The version of the draft the form was filled from (drafts only).</summary>
    public int Version { get; set; }
}
