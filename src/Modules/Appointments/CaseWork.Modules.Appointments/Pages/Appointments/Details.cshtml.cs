using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.ChangeAppointment;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>One appointment: details, earlier times, its reminders with their states and texts; lifecycle steps and rescheduling.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class DetailsModel(
    IQueryHandler<GetAppointment, AppointmentDetails> get,
    ICommandHandler<RescheduleAppointment, int> reschedule,
    ICommandHandler<ChangeAppointmentStatus, int> change) : PageModel
{
    public AppointmentDetails Appointment { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DateOnly NewDate { get; set; }

    [BindProperty]
    public TimeOnly NewStart { get; set; }

    [BindProperty]
    public TimeOnly NewEnd { get; set; }

    [BindProperty]
    public string Scope { get; set; } = "this";

    [BindProperty]
    public bool ConfirmWarnings { get; set; }

    [BindProperty]
    public string CancelledBy { get; set; } = "client";

    [BindProperty]
    public string? Reason { get; set; }

    public bool ShowConfirmWarnings { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        NewDate = DateOnly.FromDateTime(Appointment.StartLocal);
        NewStart = TimeOnly.FromDateTime(Appointment.StartLocal);
        NewEnd = TimeOnly.FromDateTime(Appointment.EndLocal);
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await reschedule.Handle(new RescheduleAppointment(id, Version, NewDate.ToDateTime(NewStart), NewDate.ToDateTime(NewEnd), null, Scope, ConfirmWarnings), cancellationToken);
        return await AfterAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        var result = await change.Handle(new ChangeAppointmentStatus(id, Version, action, CancelledBy, Reason), cancellationToken);
        return await AfterAsync(id, result, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, BuildingBlocks.Results.Result<int> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage("/Appointments/Details", new { id });
        }

        if (result.Error.Kind == BuildingBlocks.Results.ErrorKind.NotFound)
        {
            return NotFound();
        }

        ShowConfirmWarnings = result.Error.Code == "confirm-warnings";
        result.Error.AddTo(ModelState, "New");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetAppointment(id), cancellationToken);
        if (!result.IsSuccess)
        {
            return false;
        }

        Appointment = result.Value;
        Version = Appointment.Version;
        return true;
    }
}
