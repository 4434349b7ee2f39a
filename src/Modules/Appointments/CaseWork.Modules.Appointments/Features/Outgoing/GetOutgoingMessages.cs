using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using CaseWork.Modules.Appointments.Infrastructure.Channels;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.Outgoing;

/// <summary>
/// One message. <see cref="SentByHand"/>: the manual channel (the worker sends it); <see cref="AwaitsSendingByHand"/>: handed
/// over and not yet confirmed as sent; <see cref="SentByHandLocal"/>/<see cref="SentByHandBy"/>: confirmed, when and by whom.
/// </summary>
internal sealed record OutgoingMessage(
    Guid ReminderId, Guid AppointmentId, string Purpose, string Channel, string Address, string Language, bool RightToLeft, string Body,
    DateTime? DueLocal, string State, DateTimeOffset? SentAt, bool SentByHand, bool NotSentNoGateway,
    bool AwaitsSendingByHand = false, DateTime? SentByHandLocal = null, string? SentByHandBy = null);

internal sealed record OutgoingMessages(bool EmailConfigured, bool SmsConfigured, IReadOnlyList<OutgoingMessage> Messages);

/// <summary>
/// The messages of the last and the next seven days: what the manual channel hands the worker to send by hand, and — with
/// no SMS gateway or mail server configured (the embedded default) — what would have been sent, so reminders can be seen working.
/// </summary>
internal sealed record GetOutgoingMessages : IQuery<OutgoingMessages>;

internal sealed class GetOutgoingMessagesHandler(
    AppointmentsDbContext db, ICurrentUser user, OfficeRules rules, ChannelStatus channels, StaffNames staffNames, IAuditTrail audit, TimeProvider time)
    : IQueryHandler<GetOutgoingMessages, OutgoingMessages>
{
    public async Task<Result<OutgoingMessages>> Handle(GetOutgoingMessages query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office see its messages.");
        }

        var now = time.GetUtcNow();
        var from = now.AddDays(-7);
        var until = now.AddDays(7);
        var clock = await rules.ClockAsync(office, cancellationToken);
        var rows = await db.Reminders.AsNoTracking()
            .Where(r => r.WorkerId == null && r.DueAt != null && r.DueAt >= from && r.DueAt <= until
                        && (r.State == ReminderState.Scheduled || r.State == ReminderState.Sent || r.State == ReminderState.Failed))
            .OrderBy(r => r.DueAt).Take(500).ToListAsync(cancellationToken);
        var staff = await staffNames.ForAsync(office, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AppointmentsContract.ModuleName, AuditAction.Read, "OutgoingMessages", office.ToString(),
            Details: $"messages: {rows.Count}"), cancellationToken);
        return new OutgoingMessages(channels.EmailConfigured, channels.SmsConfigured, [.. rows.Select(r => new OutgoingMessage(
            r.Id, r.AppointmentId.Value, AppointmentViews.Code(r.Purpose), AppointmentViews.Code(r.Channel), r.Address, r.Language,
            LanguageCatalog.IsRightToLeft(r.Language), r.Body, r.DueAt is { } due ? clock.ToLocal(due) : null, AppointmentViews.Code(r.State), r.SentAt,
            r.Channel == ReminderChannel.Manual,
            r.State == ReminderState.Sent && ((r.Channel == ReminderChannel.Sms && !channels.SmsConfigured) || (r.Channel == ReminderChannel.Email && !channels.EmailConfigured)),
            r.AwaitsSendingByHand, r.SentByHandAt is { } handAt ? clock.ToLocal(handAt) : null,
            r.SentByHandBy is { } by ? (staff.TryGetValue(by, out var name) ? name : by.ToString()) : null))]);
    }
}
