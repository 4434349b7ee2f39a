using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>
/// One request: its offers, the current ranking with its explanation, direct assignment, and after the job the worker's
/// confirmation of what the interpreter recorded (with the code shown on site, if they have it).
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class RequestModel(
    IQueryHandler<GetRequest, RequestDetails> get,
    ICommandHandler<AssignInterpreter, AcceptedOffer> assign,
    ICommandHandler<ConfirmJob, Unit> confirm) : PageModel
{
    public RequestDetails Details { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetRequest(id), cancellationToken);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Details = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid bookingId, string? code, CancellationToken cancellationToken)
    {
        var result = await confirm.Handle(new ConfirmJob(bookingId, code), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { id });
        }

        if (result.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problem = result.Error.Kind == ErrorKind.Validation
            ? "Der Code stimmt nicht mit dem überein, den die Sprachmittlung angezeigt bekommt."
            : "Der Einsatz ist noch nicht erfasst oder schon bestätigt.";
        Response.StatusCode = result.Error.Kind == ErrorKind.Validation ? 400 : 409;
        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid interpreterId, CancellationToken cancellationToken)
    {
        var result = await assign.Handle(new AssignInterpreter(id, interpreterId), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { id });
        }

        if (result.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problem = result.Error.Code switch
        {
            "interpreter-busy" => "Die Person hat zu dieser Zeit schon einen Einsatz (mit Fahrzeit).",
            "daily-maximum" => "Die Person hat an diesem Tag schon die Höchstzahl an Einsätzen.",
            "validation" => "Diese Person gehört nicht zum Pool der Stelle.",
            _ => "Die Anfrage ist schon besetzt oder abgesagt.",
        };
        Response.StatusCode = result.Error.Kind == ErrorKind.Validation ? 400 : 409;
        return await OnGetAsync(id, cancellationToken);
    }
}
