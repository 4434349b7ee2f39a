using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Features.CalendarFeeds;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using CaseWork.Modules.Appointments.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>
/// The worker's calendar subscriptions: open a secret address for their own appointments or a room's, see which are in
/// use, and revoke one (a lost phone, a colleague who left). The address is shown once, right after it is opened — only
/// its hash is stored (ADR 0015).
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class FeedsModel(
    IQueryHandler<ListCalendarFeeds, IReadOnlyList<CalendarFeedItem>> list,
    IQueryHandler<GetOfficeSetup, OfficeSetupView> setup,
    ICommandHandler<OpenCalendarFeed, OpenedFeed> open,
    ICommandHandler<RevokeCalendarFeed, Unit> revoke,
    OfficeRules rules,
    ICurrentUser user) : PageModel
{
    /// <summary>The office's clock: the page shows when an address was made or revoked in the office's time zone.</summary>
    public Domain.OfficeClock Clock { get; private set; } = Domain.OfficeClock.Berlin;

    [BindProperty] public Guid? RoomId { get; set; }

    public IReadOnlyList<CalendarFeedItem> Feeds { get; private set; } = [];

    public IReadOnlyList<RoomLine> Rooms { get; private set; } = [];

    /// <summary>The full address of the feed just opened (shown this once).</summary>
    public string? OpenedAddress { get; private set; }

    public bool Revoked { get; private set; }

    public async Task OnGetAsync(bool revoked, CancellationToken cancellationToken)
    {
        Revoked = revoked;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        var result = await open.Handle(new OpenCalendarFeed(RoomId), cancellationToken);
        if (result.IsSuccess)
        {
            // Not a redirect: the address exists only in this answer.
            OpenedAddress = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{result.Value.Path}";
        }
        else
        {
            result.Error.AddTo(ModelState, "");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await revoke.Handle(new RevokeCalendarFeed(id), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { revoked = true });
        }

        result.Error.AddTo(ModelState, "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var feeds = await list.Handle(new ListCalendarFeeds(), cancellationToken);
        Feeds = feeds.IsSuccess ? feeds.Value : [];
        var office = await setup.Handle(new GetOfficeSetup(), cancellationToken);
        Rooms = office.IsSuccess ? [.. office.Value.Rooms.Where(r => r.Active)] : [];
        Clock = user.OfficeId is { } id ? await rules.ClockAsync(id, cancellationToken) : Domain.OfficeClock.Berlin;
    }
}
