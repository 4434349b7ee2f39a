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
/// confirmation of what the interpreter recorded (with the code shown on site, if they have it). A hand-entered request can be
/// changed while nobody has accepted, and cancelled with a reason before the job (ADR 0036).
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class RequestModel(
    IQueryHandler<GetRequest, RequestDetails> get,
    ICommandHandler<AssignInterpreter, AcceptedOffer> assign,
    ICommandHandler<ConfirmJob, Unit> confirm,
    ICommandHandler<EditRequest, ChangedRequest> edit,
    ICommandHandler<CancelRequest, CancelledRequest> cancel) : PageModel
{
    public RequestDetails Details { get; private set; } = null!;

    public string? Problem { get; private set; }

    /// <summary>What the last change did (shown once after the redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public RequestInput Edit { get; set; } = new();

    /// <summary>Which form to open again after a failed post.</summary>
    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetRequest(id), cancellationToken);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Details = result.Value;
        if (OpenForm != "edit")
        {
            // Another form was posted (the change form's fields came empty): show the request as it is.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Edit.", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }

            Edit = RequestInput.From(Details);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        OpenForm = "edit";
        if (ModelState.IsValid)
        {
            var result = await edit.Handle(new EditRequest(
                id, Edit.Language ?? "", Edit.Dialect, Edit.Modality, Edit.Start(), Edit.DurationMinutes, Edit.Place, Edit.District, Edit.SubjectArea,
                Edit.PreferredGender, Edit.Notes, version), cancellationToken);
            if (result.IsSuccess)
            {
                return RedirectToPage(new { id, done = result.Value.NewRound ? "rematched" : "changed" });
            }

            if (result.Error.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Problem = ProblemOf(result.Error);
            foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]>())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : $"Edit.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
                }
            }

            Response.StatusCode = result.Error.Kind == ErrorKind.Conflict ? 409 : 400;
        }
        else
        {
            Response.StatusCode = 400;
        }

        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, int version, CancellationToken cancellationToken)
    {
        var result = await cancel.Handle(new CancelRequest(id, reason ?? "", version), cancellationToken);
        if (result.IsSuccess)
        {
            var done = result.Value switch
            {
                { Billable: true } => "cancelled-billable",
                { InterpreterCancelled: true } => "cancelled-notified",
                _ => "cancelled",
            };
            return RedirectToPage(new { id, done });
        }

        if (result.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        OpenForm = "cancel";
        Problem = ProblemOf(result.Error);
        Response.StatusCode = result.Error.Kind == ErrorKind.Conflict ? 409 : 400;
        return await OnGetAsync(id, cancellationToken);
    }

    private static string ProblemOf(Error error) => error.Code switch
    {
        "concurrent-edit" => "Jemand anderes hat die Anfrage inzwischen geändert (oder eine Sprachmittlung hat zugesagt). Bitte prüfen Sie den aktuellen Stand und versuchen Sie es noch einmal.",
        "request-from-appointment" => "Diese Anfrage gehört zu einem Termin: Bitte ändern oder sagen Sie den Termin ab.",
        "request-not-editable" => "Eine Sprachmittlung hat schon zugesagt oder die Anfrage ist abgesagt: Ändern geht nicht mehr. Sie können die Anfrage absagen.",
        "request-cancelled" => "Die Anfrage ist schon abgesagt.",
        "job-started" => "Der Einsatz hat schon begonnen und kann nicht mehr abgesagt werden.",
        "validation" when error.FieldErrors?.ContainsKey("reason") == true => "Bitte geben Sie einen Grund an.",
        _ => "Bitte die markierten Felder prüfen.",
    };

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
