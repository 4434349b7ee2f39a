using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.ChangeAppointment;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using CaseWork.Modules.Appointments.Features.Shared;
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
    ClientLookup clients,
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

    /// <summary>The clients from now on: those taking part stay ticked; a search adds more to tick.</summary>
    [BindProperty] public List<Guid> EditClientIds { get; set; } = [];
    [BindProperty] public string? EditClientSearch { get; set; }

    /// <summary>Empty: no interpreter needed (a need there was is removed).</summary>
    [BindProperty] public string? EditInterpreterLanguage { get; set; }
    [BindProperty] public string? EditInterpreterDialect { get; set; }
    [BindProperty] public string EditInterpreterModality { get; set; } = "in_person";
    [BindProperty] public string? EditInterpreterNotes { get; set; }

    /// <summary>The clients the form offers: those taking part, those ticked, and what the search found.</summary>
    public IReadOnlyList<ClientChoice> ClientChoices { get; private set; } = [];

    public bool SearchedWithoutResult { get; private set; }

    /// <summary>Whether the change form is shown open (after a search for clients, or with its errors).</summary>
    public bool EditOpen { get; private set; }

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
        EditClientIds = [.. Appointment.Clients.Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value)];
        EditInterpreterLanguage = Appointment.Interpreter?.Language;
        EditInterpreterDialect = Appointment.Interpreter?.Dialect;
        EditInterpreterModality = Appointment.Interpreter?.Modality ?? "in_person";
        EditInterpreterNotes = Appointment.Interpreter?.Notes;
        await LoadClientChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Finds clients to add without script: the form comes back with what was entered and the matches to tick.</summary>
    public async Task<IActionResult> OnPostFindClientAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        ModelState.Clear();
        var posted = Version;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // A search is no save: the change still builds on the version the worker began with.
        Version = posted;
        var found = await LoadClientChoicesAsync(cancellationToken);
        SearchedWithoutResult = !string.IsNullOrWhiteSpace(EditClientSearch) && found == 0;
        EditOpen = true;
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

        var interpreter = string.IsNullOrWhiteSpace(EditInterpreterLanguage)
            ? null
            : new InterpreterInput(EditInterpreterLanguage, EditInterpreterDialect, EditInterpreterModality, EditInterpreterNotes);
        var result = await details.Handle(new ChangeAppointmentDetails(
            id, Version, EditKind, EditPlaceKind, EditPlaceText, EditRoomId, EditTopic, EditDocumentsToBring, EditWorkerIds, Scope, ConfirmWarnings,
            EditClientIds, interpreter, RemoveInterpreter: interpreter is null), cancellationToken);
        var page = await AfterAsync(id, result, "details", "Edit", cancellationToken);
        if (!result.IsSuccess)
        {
            // The command names the need's fields as the API does ("interpreter.language"); the form's carry other names.
            foreach (var (field, property) in new[]
                     {
                         ("EditInterpreter.language", nameof(EditInterpreterLanguage)), ("EditInterpreter.modality", nameof(EditInterpreterModality)),
                         ("EditInterpreter.dialect", nameof(EditInterpreterDialect)), ("EditInterpreter.notes", nameof(EditInterpreterNotes)),
                     })
            {
                if (ModelState.TryGetValue(field, out var entry))
                {
                    var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
                    ModelState.Remove(field);
                    messages.ForEach(m => ModelState.AddModelError(property, m));
                }
            }

            await LoadClientChoicesAsync(cancellationToken);
        }

        return page;
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

    /// <summary>The clients taking part, those ticked on the form, then the search's matches (of this office only); returns how many the search found.</summary>
    private async Task<int> LoadClientChoicesAsync(CancellationToken cancellationToken)
    {
        if (!CanChange || user.OfficeId is not { } office)
        {
            return 0;
        }

        var choices = Appointment.Clients.Where(c => c.ClientId is not null)
            .Select(c => new ClientChoice(c.ClientId!.Value, $"{c.DisplayName} ({c.PseudonymCode})")).ToList();
        foreach (var (id, summary) in await clients.SummariesAsync(office, EditClientIds.Where(c => choices.All(x => x.Id != c)), cancellationToken))
        {
            choices.Add(new ClientChoice(id, $"{summary.DisplayName} ({summary.PseudonymCode})"));
        }

        var matches = await clients.FindAsync(office, EditClientSearch ?? "", cancellationToken);
        choices.AddRange(matches.Where(m => choices.All(c => c.Id != m.ClientId.Value))
            .Select(m => new ClientChoice(m.ClientId.Value, $"{m.DisplayName} ({m.PseudonymCode})")));
        ClientChoices = choices;
        return matches.Count;
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
