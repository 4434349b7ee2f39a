using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using CaseWork.Modules.Appointments.Features.PlanAppointments;
using CaseWork.Modules.Appointments.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

internal sealed record ClientChoice(Guid Id, string Label);

/// <summary>Plans an appointment. Clients are found with a search that re-shows the form (no script); conflicts come back as warnings to confirm.</summary>
[Authorize(Roles = Roles.Streetworker)]
internal sealed class NewModel(
    ICommandHandler<ScheduleAppointment, ScheduledAppointments> schedule,
    IQueryHandler<GetOfficeSetup, OfficeSetupView> setup,
    ClientLookup clients,
    IOfficeDirectory offices,
    OfficeRules rules,
    ICurrentUser user,
    TimeProvider time) : PageModel
{
    [BindProperty] public string Kind { get; set; } = "counselling";
    [BindProperty] public string PlaceKind { get; set; } = "office_room";
    [BindProperty] public string? PlaceText { get; set; }
    [BindProperty] public Guid? RoomId { get; set; }
    [BindProperty] public DateOnly Date { get; set; }
    [BindProperty] public TimeOnly StartTime { get; set; } = new(10, 0);
    [BindProperty] public TimeOnly EndTime { get; set; } = new(11, 0);
    [BindProperty] public string? ClientSearch { get; set; }
    [BindProperty] public List<Guid> ClientIds { get; set; } = [];
    [BindProperty] public string? InterpreterLanguage { get; set; }
    [BindProperty] public string? InterpreterDialect { get; set; }
    [BindProperty] public string InterpreterModality { get; set; } = "in_person";
    [BindProperty] public string? DocumentsToBring { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public bool ConfirmWarnings { get; set; }
    [BindProperty] public List<Guid> WorkerIds { get; set; } = [];

    /// <summary>0: once; otherwise every n weeks until <see cref="RepeatUntil"/>, leaving out <see cref="RepeatExceptions"/>.</summary>
    [BindProperty] public int RepeatEveryWeeks { get; set; }
    [BindProperty] public DateOnly? RepeatUntil { get; set; }

    /// <summary>Dates left out of the series, as people write them: "23.12.2026, 30.12.2026".</summary>
    [BindProperty] public string? RepeatExceptions { get; set; }

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    private int _found;

    public IReadOnlyList<ClientChoice> Choices { get; private set; } = [];

    public IReadOnlyList<RoomLine> Rooms { get; private set; } = [];

    public bool ShowConfirmWarnings { get; private set; }

    public bool SearchedWithoutResult { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Tomorrow as the office counts days: the UTC date is still yesterday there for an hour or two after midnight.
        Date = (await rules.TodayAsync(user.OfficeId, time.GetUtcNow(), cancellationToken)).AddDays(1);
        WorkerIds = user.UserId is { } me ? [me.Value] : [];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        SearchedWithoutResult = !string.IsNullOrWhiteSpace(ClientSearch) && _found == 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var interpreter = string.IsNullOrWhiteSpace(InterpreterLanguage) ? null : new InterpreterInput(InterpreterLanguage, InterpreterDialect, InterpreterModality, null);
        RecurrenceInput? recurrence = null;
        if (RepeatEveryWeeks > 0)
        {
            if (!TryParseDates(RepeatExceptions, out var exceptions))
            {
                ModelState.AddModelError(nameof(RepeatExceptions), "Dates as 23.12.2026, separated by commas.");
            }
            else if (RepeatUntil is null)
            {
                ModelState.AddModelError(nameof(RepeatUntil), "Say until when the series runs.");
            }
            else
            {
                recurrence = new RecurrenceInput(RepeatEveryWeeks, RepeatUntil.Value, exceptions);
            }

            if (recurrence is null)
            {
                await LoadAsync(cancellationToken);
                return Page();
            }
        }

        var result = await schedule.Handle(new ScheduleAppointment(
            Kind, PlaceKind, PlaceText, PlaceKind == "office_room" ? RoomId : null, Topic, DocumentsToBring, Date.ToDateTime(StartTime), Date.ToDateTime(EndTime),
            null, ClientIds, WorkerIds, interpreter, recurrence, ConfirmWarnings), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage("/Appointments/Details", new { id = result.Value.AppointmentIds[0] });
        }

        ShowConfirmWarnings = result.Error.Code == "confirm-warnings";
        result.Error.AddTo(ModelState, "");
        foreach (var (field, property) in new[] { ("Recurrence.everyWeeks", nameof(RepeatEveryWeeks)), ("Recurrence.until", nameof(RepeatUntil)), ("Recurrence.exceptions", nameof(RepeatExceptions)) })
        {
            // The command names the series' fields as the API does; the form's fields carry other names.
            if (ModelState.TryGetValue(field, out var entry))
            {
                var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
                ModelState.Remove(field);
                foreach (var message in messages)
                {
                    ModelState.AddModelError(property, message);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Dates written as 23.12.2026 (or 2026-12-23), separated by commas, semicolons or spaces.</summary>
    internal static bool TryParseDates(string? text, out List<DateOnly> dates)
    {
        dates = [];
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return false;
            }

            dates.Add(date);
        }

        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var office = await setup.Handle(new GetOfficeSetup(), cancellationToken);
        Rooms = office.IsSuccess ? [.. office.Value.Rooms.Where(r => r.Active)] : [];
        if (user.OfficeId is not { } officeId)
        {
            return;
        }

        Staff = [.. (await offices.GetStaffAsync(officeId, null, cancellationToken))
            .Where(s => s.Roles.Contains(Roles.Streetworker) || s.Roles.Contains(Roles.Supervisor))];

        var choices = new List<ClientChoice>();
        foreach (var (id, summary) in await clients.SummariesAsync(officeId, ClientIds, cancellationToken))
        {
            choices.Add(new ClientChoice(id, $"{summary.DisplayName} ({summary.PseudonymCode})"));
        }

        var matches = await clients.FindAsync(officeId, ClientSearch ?? "", cancellationToken);
        _found = matches.Count;
        foreach (var found in matches)
        {
            if (choices.All(c => c.Id != found.ClientId.Value))
            {
                choices.Add(new ClientChoice(found.ClientId.Value, $"{found.DisplayName} ({found.PseudonymCode})"));
            }
        }

        Choices = choices;
    }
}
