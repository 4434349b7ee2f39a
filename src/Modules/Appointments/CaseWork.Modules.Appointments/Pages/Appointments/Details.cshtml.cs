using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.ChangeAppointment;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>
/// One appointment: details, earlier times, its reminders with their states and texts. Streetworkers change it (lifecycle
/// steps, rescheduling, what, where and with whom); supervisors read it, as in the API.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class DetailsModel(
    IQueryHandler<GetAppointment, AppointmentDetails> get,
    ICommandHandler<RescheduleAppointment, int> reschedule,
    ICommandHandler<ChangeAppointmentStatus, int> change,
    ICommandHandler<ChangeAppointmentDetails, int> details,
    IQueryHandler<GetOfficeSetup, OfficeSetupView> setup,
    IOfficeDirectory offices,
    ICurrentUser user) : PageModel
{
    public AppointmentDetails Appointment { get; private set; } = null!;

    /// <summary>Whether the signed-in user may change appointments (streetworkers; supervisors read).</summary>
    public bool CanChange => User.IsInRole(Roles.Streetworker);

    [BindProperty] public string EditKind { get; set; } = "";
    [BindProperty] public string EditPlaceKind { get; set; } = "";
    [BindProperty] public string? EditPlaceText { get; set; }
    [BindProperty] public Guid? EditRoomId { get; set; }
    [BindProperty] public string? EditTopic { get; set; }
    [BindProperty] public string? EditDocumentsToBring { get; set; }
    [BindProperty] public List<Guid> EditWorkerIds { get; set; } = [];

    public IReadOnlyList<RoomLine> Rooms { get; private set; } = [];

    public IReadOnlyList<BuildingBlocks.Identity.StaffMember> Staff { get; private set; } = [];

    /// <summary>Which form the last post's warnings belong to ("reschedule" or "details"): only that one asks to confirm them.</summary>
    public string? WarningsFor { get; private set; }

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
        EditKind = Appointment.Kind;
        EditPlaceKind = Appointment.PlaceKind;
        EditPlaceText = Appointment.PlaceText;
        EditRoomId = Appointment.RoomId;
        EditTopic = Appointment.Topic;
        EditDocumentsToBring = Appointment.DocumentsToBring;
        EditWorkerIds = [.. Appointment.Workers.Select(w => w.WorkerId)];
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var result = await reschedule.Handle(new RescheduleAppointment(id, Version, NewDate.ToDateTime(NewStart), NewDate.ToDateTime(NewEnd), null, Scope, ConfirmWarnings), cancellationToken);
        return await AfterAsync(id, result, "reschedule", "New", cancellationToken);
    }

    public async Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var result = await details.Handle(new ChangeAppointmentDetails(
            id, Version, EditKind, EditPlaceKind, EditPlaceText, EditRoomId, EditTopic, EditDocumentsToBring, EditWorkerIds, Scope, ConfirmWarnings), cancellationToken);
        return await AfterAsync(id, result, "details", "Edit", cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var result = await change.Handle(new ChangeAppointmentStatus(id, Version, action, CancelledBy, Reason), cancellationToken);
        return await AfterAsync(id, result, "status", "", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, BuildingBlocks.Results.Result<int> result, string form, string fieldPrefix, CancellationToken cancellationToken)
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
        WarningsFor = ShowConfirmWarnings ? form : null;
        result.Error.AddTo(ModelState, fieldPrefix);
        // The forms keep what was entered; the facts above and the version show what is stored now, so after a conflict
        // the worker sees the other change and decides whether to send theirs again.
        var loaded = await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(Version));
        return loaded ? Page() : NotFound();
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
        if (CanChange && user.OfficeId is { } office)
        {
            var rooms = await setup.Handle(new GetOfficeSetup(), cancellationToken);
            Rooms = rooms.IsSuccess ? [.. rooms.Value.Rooms.Where(r => r.Active || r.Id == Appointment.RoomId)] : [];
            Staff = [.. (await offices.GetStaffAsync(office, null, cancellationToken))
                .Where(s => s.Roles.Contains(Roles.Streetworker) || s.Roles.Contains(Roles.Supervisor))];
        }

        return true;
    }
}
