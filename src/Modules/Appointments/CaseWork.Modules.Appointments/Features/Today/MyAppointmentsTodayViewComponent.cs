using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Appointments.Features.Today;

/// <summary>The start page's "my appointments today" for streetworkers and supervisors.</summary>
[ViewComponent(Name = AppointmentsPanel.Name)]
internal sealed class MyAppointmentsTodayViewComponent(
    IQueryHandler<GetAgenda, IReadOnlyList<AgendaItem>> agenda, OfficeRules rules, ICurrentUser user, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(User.IsInRole(Roles.Streetworker) || User.IsInRole(Roles.Supervisor)))
        {
            return Content("");
        }

        // Today in the office's time zone, as the agenda places the day's appointments.
        var today = await rules.TodayAsync(user.OfficeId, time.GetUtcNow(), HttpContext.RequestAborted);
        var result = await agenda.Handle(new GetAgenda(today, 1, "me", null, null), HttpContext.RequestAborted);
        return View("/Pages/Appointments/_Today.cshtml", result.IsSuccess ? result.Value : []);
    }
}

internal static class AppointmentsPanel
{
    public const string Name = "AppointmentsToday";
}
