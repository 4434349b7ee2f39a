using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Features.WorkerLists;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Clients.ViewComponents;

/// <summary>The streetworker's part of the start page: my clients, goals due this week, important dates in the next 30 days.</summary>
[ViewComponent(Name = ClientsStartPanel.Name)]
internal sealed class ClientsStartPanel(
    IQueryHandler<MyClients, IReadOnlyList<WorkerClientItem>> myClients,
    IQueryHandler<GoalsDueThisWeek, IReadOnlyList<DueGoalItem>> goals,
    IQueryHandler<UpcomingImportantDates, IReadOnlyList<UpcomingDateItem>> dates) : ViewComponent
{
    public const string Name = "ClientsStartPanel";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!User.IsInRole(Roles.Streetworker))
        {
            return Content(string.Empty);
        }

        var cancellationToken = HttpContext.RequestAborted;
        var clients = await myClients.Handle(new MyClients(), cancellationToken);
        var due = await goals.Handle(new GoalsDueThisWeek(), cancellationToken);
        var upcoming = await dates.Handle(new UpcomingImportantDates(30), cancellationToken);
        return View("~/Pages/Clients/_StartPanel.cshtml", new StartPanelView(
            clients.IsSuccess ? clients.Value : [],
            due.IsSuccess ? due.Value : [],
            upcoming.IsSuccess ? upcoming.Value : []));
    }
}

/// <summary>What the start panel shows.</summary>
internal sealed record StartPanelView(IReadOnlyList<WorkerClientItem> Clients, IReadOnlyList<DueGoalItem> Goals, IReadOnlyList<UpcomingDateItem> Dates);
