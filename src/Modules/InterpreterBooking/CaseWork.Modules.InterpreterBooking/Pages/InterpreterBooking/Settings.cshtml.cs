using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Features.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>The office's booking policy: coordinators read it, supervisors and administrators change it (ADR 0036).</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor + "," + Roles.Administrator)]
internal sealed class SettingsModel(
    IQueryHandler<GetBookingPolicy, BookingPolicyView> get,
    ICommandHandler<UpdateBookingPolicy, BookingPolicyView> update) : PageModel
{
    [BindProperty] public int NoticeWorkingDays { get; set; }
    [BindProperty] public int TierSize { get; set; }
    [BindProperty] public int TierWindowMinutes { get; set; }
    [BindProperty] public int UrgentTierWindowMinutes { get; set; }
    [BindProperty] public int TravelBufferMinutes { get; set; }
    [BindProperty] public int LateCancellationHours { get; set; }
    [BindProperty] public int FillDeadlineHoursBeforeStart { get; set; }
    [BindProperty] public int DetailAccessDays { get; set; }
    [BindProperty] public string? DefaultDistrict { get; set; }
    [BindProperty] public int Version { get; set; }

    public bool CanEdit { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var result = await get.Handle(new GetBookingPolicy(), cancellationToken);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        var view = result.Value;
        (NoticeWorkingDays, TierSize, TierWindowMinutes, UrgentTierWindowMinutes, TravelBufferMinutes, LateCancellationHours,
            FillDeadlineHoursBeforeStart, DetailAccessDays, DefaultDistrict, Version, CanEdit) = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A field that is not a whole number never reaches the handler; the form shows it again, in the page's words.
            foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
            {
                entry!.Errors.Clear();
                ModelState.AddModelError(key, "Bitte eine ganze Zahl eintragen.");
            }

            CanEdit = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await update.Handle(new UpdateBookingPolicy(
            NoticeWorkingDays, TierSize, TierWindowMinutes, UrgentTierWindowMinutes, TravelBufferMinutes, LateCancellationHours,
            FillDeadlineHoursBeforeStart, DetailAccessDays, DefaultDistrict, Version), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { saved = true });
        }

        if (result.Error.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        CanEdit = true;
        Response.StatusCode = result.Error.Kind == ErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (result.Error.Kind == ErrorKind.Conflict)
        {
            ModelState.AddModelError("", "Jemand anderes hat die Regeln inzwischen gespeichert. Bitte die Seite neu laden und die Änderung noch einmal eintragen.");
        }

        foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], message);
            }
        }

        return Page();
    }
}
