using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>The agenda: a day or a week, for me, my team or a room; and what needs preparing.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class IndexModel(
    IQueryHandler<GetAgenda, IReadOnlyList<AgendaItem>> agenda,
    IQueryHandler<GetPreparationList, IReadOnlyList<AgendaItem>> preparation,
    IQueryHandler<GetOfficeSetup, OfficeSetupView> setup,
    OfficeRules rules,
    ICurrentUser user,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "day";

    [BindProperty(SupportsGet = true)]
    public string Who { get; set; } = "me";

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Room { get; set; }

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    public IReadOnlyList<AgendaItem> ToPrepare { get; private set; } = [];

    public IReadOnlyList<RoomLine> Rooms { get; private set; } = [];

    public DateOnly From { get; private set; }

    public int Days => View == "week" ? 7 : 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Today in the office's time zone, as the agenda places the day's appointments.
        var date = Date ?? await rules.TodayAsync(user.OfficeId, time.GetUtcNow(), cancellationToken);
        From = View == "week" ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : date;
        var rooms = await setup.Handle(new GetOfficeSetup(), cancellationToken);
        Rooms = rooms.IsSuccess ? rooms.Value.Rooms : [];
        var result = await agenda.Handle(new GetAgenda(From, Days, Who, null, Room), cancellationToken);
        Items = result.IsSuccess ? result.Value : [];
        var prepare = await preparation.Handle(new GetPreparationList(Who == "me"), cancellationToken);
        ToPrepare = prepare.IsSuccess ? prepare.Value : [];
    }

    public string Link(string? view = null, string? who = null, DateOnly? date = null, Guid? room = null) =>
        Url.Page("/Appointments/Index", new { view = view ?? View, who = who ?? Who, date = (date ?? From).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), room = room ?? Room })!;
}
