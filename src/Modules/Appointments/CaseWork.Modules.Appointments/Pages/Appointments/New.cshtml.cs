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

    private int _found;

    public IReadOnlyList<ClientChoice> Choices { get; private set; } = [];

    public IReadOnlyList<RoomLine> Rooms { get; private set; } = [];

    public bool ShowConfirmWarnings { get; private set; }

    public bool SearchedWithoutResult { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
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
        var result = await schedule.Handle(new ScheduleAppointment(
            Kind, PlaceKind, PlaceText, PlaceKind == "office_room" ? RoomId : null, Topic, DocumentsToBring, Date.ToDateTime(StartTime), Date.ToDateTime(EndTime),
            null, ClientIds, null, interpreter, null, ConfirmWarnings), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage("/Appointments/Details", new { id = result.Value.AppointmentIds[0] });
        }

        ShowConfirmWarnings = result.Error.Code == "confirm-warnings";
        result.Error.AddTo(ModelState, "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var office = await setup.Handle(new GetOfficeSetup(), cancellationToken);
        Rooms = office.IsSuccess ? [.. office.Value.Rooms.Where(r => r.Active)] : [];
        if (user.OfficeId is not { } officeId)
        {
            return;
        }

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
