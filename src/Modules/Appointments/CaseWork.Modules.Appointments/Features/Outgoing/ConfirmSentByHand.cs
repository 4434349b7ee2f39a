using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.Outgoing;

/// <summary>A worker sent a handed-over message (manual channel) by hand: recorded with who and when, and audited.</summary>
internal sealed record ConfirmSentByHand(Guid ReminderId) : ICommand<Unit>;

internal sealed class ConfirmSentByHandHandler(AppointmentsDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider time)
    : ICommandHandler<ConfirmSentByHand, Unit>
{
    public async Task<Result<Unit>> Handle(ConfirmSentByHand command, CancellationToken cancellationToken)
    {
        // Client messages only: a worker's own notices go by e-mail. Another office's message is not found (query filter).
        var reminder = await db.Reminders.FirstOrDefaultAsync(r => r.Id == command.ReminderId && r.WorkerId == null, cancellationToken);
        if (reminder is null || user.UserId is not { } worker)
        {
            return Error.NotFound("message-not-found", "The message does not exist.");
        }

        var wasWaiting = reminder.AwaitsSendingByHand;
        var confirmed = reminder.ConfirmSentByHand(worker, time.GetUtcNow());
        if (!confirmed.IsSuccess || !wasWaiting)
        {
            return confirmed;
        }

        await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Update, nameof(Reminder), reminder.Id.ToString(),
            Details: "sent by hand"), cancellationToken);
        return Unit.Value;
    }
}
