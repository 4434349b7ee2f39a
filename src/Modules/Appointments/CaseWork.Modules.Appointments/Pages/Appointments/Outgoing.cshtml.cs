using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Features.Outgoing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>
/// Messages to send by hand (streetworkers confirm each once sent), and what went (or would go) out by SMS and email.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class OutgoingModel(
    IQueryHandler<GetOutgoingMessages, OutgoingMessages> query,
    ICommandHandler<ConfirmSentByHand, Unit> confirm) : PageModel
{
    public OutgoingMessages Messages { get; private set; } = new(false, false, []);

    /// <summary>Whether the signed-in user sends messages by hand (streetworkers; supervisors read).</summary>
    public bool CanSend => User.IsInRole(Roles.Streetworker);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSentByHandAsync(Guid reminderId, CancellationToken cancellationToken)
    {
        if (!CanSend)
        {
            return Forbid();
        }

        var result = await confirm.Handle(new ConfirmSentByHand(reminderId), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/Appointments/Outgoing#message-{reminderId}");
        }

        if (result.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError("", result.Error.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await query.Handle(new GetOutgoingMessages(), cancellationToken);
        if (result.IsSuccess)
        {
            Messages = result.Value;
        }
    }
}
