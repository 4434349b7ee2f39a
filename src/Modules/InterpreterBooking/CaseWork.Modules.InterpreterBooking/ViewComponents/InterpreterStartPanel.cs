using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Requests;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.InterpreterBooking.ViewComponents;

/// <summary>
/// The module's part of the start page. Interpreters: open offers and the next jobs. Coordinators (streetworkers,
/// supervisors): requests still waiting for an interpreter and the ones nobody took.
/// </summary>
[ViewComponent(Name = InterpreterStartPanel.Name)]
internal sealed class InterpreterStartPanel(
    IQueryHandler<MyOffers, IReadOnlyList<OfferView>> offers,
    IQueryHandler<MyJobs, IReadOnlyList<JobView>> jobs,
    IQueryHandler<ListRequests, IReadOnlyList<RequestLine>> requests,
    TimeProvider clock) : ViewComponent
{
    public const string Name = "InterpreterStartPanel";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (User.IsInRole(Roles.Interpreter))
        {
            var open = await offers.Handle(new MyOffers(), cancellationToken);
            var mine = await jobs.Handle(new MyJobs(), cancellationToken);
            return View("~/Pages/InterpreterBooking/_StartPanel.cshtml", new InterpreterStartView(
                true,
                open.IsSuccess ? open.Value : [],
                mine.IsSuccess ? [.. mine.Value.Where(j => j.Upcoming).Take(3)] : [],
                [],
                []));
        }

        if (User.IsInRole(Roles.Streetworker) || User.IsInRole(Roles.Supervisor))
        {
            var waiting = await requests.Handle(new ListRequests(RequestState.Offered), cancellationToken);
            var unfilled = await requests.Handle(new ListRequests(RequestState.Unfilled), cancellationToken);
            var now = clock.GetUtcNow();
            return View("~/Pages/InterpreterBooking/_StartPanel.cshtml", new InterpreterStartView(
                false,
                [],
                [],
                waiting.IsSuccess ? [.. waiting.Value.Where(r => r.Start > now).OrderBy(r => r.Start).Take(5)] : [],
                unfilled.IsSuccess ? [.. unfilled.Value.Where(r => r.Start > now).OrderBy(r => r.Start).Take(5)] : []));
        }

        return Content(string.Empty);
    }
}

/// <summary>What the start panel shows for the signed-in user's role.</summary>
internal sealed record InterpreterStartView(
    bool ForInterpreter,
    IReadOnlyList<OfferView> Offers,
    IReadOnlyList<JobView> NextJobs,
    IReadOnlyList<RequestLine> Waiting,
    IReadOnlyList<RequestLine> Unfilled);
