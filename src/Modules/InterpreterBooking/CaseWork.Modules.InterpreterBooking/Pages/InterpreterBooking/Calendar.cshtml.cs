using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Features.Calendar;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>
/// The interpreter's calendar subscription: whether a feed address works now, a new address (shown once; the old one stops
/// working), and ending it. A page of its own, so the portal's front page does not read the profile on every visit.
/// </summary>
[Authorize(Roles = Roles.Interpreter)]
internal sealed class CalendarModel(IQueryHandler<MyCalendarFeed, bool> feed) : PageModel
{
    /// <summary>Whether a feed address works now; null when the interpreter has no profile yet.</summary>
    public bool? FeedOpen { get; private set; }

    /// <summary>A new feed address, shown once right after it was made (only its hash is stored).</summary>
    [TempData]
    public string? FeedAddress { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await feed.Handle(new MyCalendarFeed(), cancellationToken);
        FeedOpen = result.IsSuccess ? result.Value : null;
    }

    public async Task<IActionResult> OnPostOpenAsync([FromServices] ICommandHandler<OpenCalendarFeed, OpenedCalendarFeed> open, CancellationToken cancellationToken)
    {
        var result = await open.Handle(new OpenCalendarFeed(), cancellationToken);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        FeedAddress = $"{Request.Scheme}://{Request.Host}{result.Value.Path}";
        Message = "Neue Kalender-Adresse erstellt. Eine frühere gilt nicht mehr.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromServices] ICommandHandler<RevokeCalendarFeed, Unit> revoke, CancellationToken cancellationToken)
    {
        var result = await revoke.Handle(new RevokeCalendarFeed(), cancellationToken);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Message = "Kalender-Abo beendet. Die Adresse zeigt keine Einsätze mehr.";
        return RedirectToPage();
    }
}
