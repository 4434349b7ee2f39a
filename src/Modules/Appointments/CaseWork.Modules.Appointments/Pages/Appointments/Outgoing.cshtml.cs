using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.Outgoing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>Messages to send by hand, and what went (or would go) out by SMS and email.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class OutgoingModel(IQueryHandler<GetOutgoingMessages, OutgoingMessages> query) : PageModel
{
    public OutgoingMessages Messages { get; private set; } = new(false, false, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await query.Handle(new GetOutgoingMessages(), cancellationToken);
        if (result.IsSuccess)
        {
            Messages = result.Value;
        }
    }
}
