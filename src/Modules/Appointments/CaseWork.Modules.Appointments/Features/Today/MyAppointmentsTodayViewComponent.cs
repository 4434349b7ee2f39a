using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Appointments.Features.Today;

/// <summary>The start page's "my appointments today" for streetworkers and supervisors.</summary>
[ViewComponent(Name = AppointmentsPanel.Name)]
internal sealed class MyAppointmentsTodayViewComponent(IQueryHandler<GetAgenda, IReadOnlyList<AgendaItem>> agenda, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(User.IsInRole(Roles.Streetworker) || User.IsInRole(Roles.Supervisor)))
        {
            return Content("");
        }

        var today = DateOnly.FromDateTime(OfficeClock.Berlin.ToLocal(time.GetUtcNow()));
        var result = await agenda.Handle(new GetAgenda(today, 1, "me", null, null), HttpContext.RequestAborted);
        return View("/Pages/Appointments/_Today.cshtml", result.IsSuccess ? result.Value : []);
    }
}

internal static class AppointmentsPanel
{
    public const string Name = "AppointmentsToday";
}

/// <summary>
/// MVC discovers only public view components; module types are internal (one public type per module). This adds the
/// module's own view components to MVC's list, for the host's start page.
/// </summary>
internal sealed class InternalViewComponentProvider : Microsoft.AspNetCore.Mvc.ApplicationParts.IApplicationFeatureProvider<Microsoft.AspNetCore.Mvc.ViewComponents.ViewComponentFeature>
{
    public void PopulateFeature(IEnumerable<Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPart> parts, Microsoft.AspNetCore.Mvc.ViewComponents.ViewComponentFeature feature)
    {
        var component = typeof(MyAppointmentsTodayViewComponent).GetTypeInfo();
        if (!feature.ViewComponents.Contains(component))
        {
            feature.ViewComponents.Add(component);
        }
    }
}
