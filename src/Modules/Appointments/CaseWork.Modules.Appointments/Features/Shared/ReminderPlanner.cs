using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.Shared;

/// <summary>
/// Keeps an appointment's reminder rows in step with it: one per client and office offset (plus the staff's
/// "interpreter still missing" notice), moved when the appointment moves, cancelled — with a cancellation notice to clients
/// who were already reminded — when it is called off.
/// </summary>
internal sealed class ReminderPlanner(AppointmentsDbContext db, ClientLookup clients, TimeProvider time)
{
    public static readonly TimeSpan InterpreterMissingBefore = TimeSpan.FromHours(48);

    public async Task PlanAsync(Appointment appointment, OfficeSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = await ExistingAsync(appointment, cancellationToken);
        var policy = settings.ReminderPolicy;
        var clock = settings.Clock;
        var place = await PlaceTextAsync(appointment, cancellationToken);
        foreach (var participant in appointment.Clients.Where(c => c.ClientId is not null))
        {
            var summary = await clients.SummaryAsync(appointment.OfficeId, participant.ClientId!.Value, cancellationToken);
            var (channel, address, skipped) = ChannelFor(summary);
            var language = ReminderTexts.LanguageFor(summary?.PreferredLanguage);
            var text = ReminderTexts.Render(ReminderPurpose.ClientReminder, language, appointment.Start, clock, appointment.PlaceKind, place, settings.Phone);
            // A client who left and joined again is not to be told, late, that it is off for them.
            foreach (var notice in existing.Where(r => r.Purpose == ReminderPurpose.ClientCancellation && r.ClientId == participant.ClientId))
            {
                notice.Cancel();
            }

            foreach (var offset in policy.Offsets)
            {
                var timing = policy.Plan(offset, appointment.Start, now, channel == ReminderChannel.None ? ReminderChannel.Email : channel, clock);
                var code = offset.ToString();
                var row = existing.FirstOrDefault(r => r.Purpose == ReminderPurpose.ClientReminder && r.ClientId == participant.ClientId && r.OffsetCode == code);
                if (row is null)
                {
                    db.Reminders.Add(Reminder.Plan(appointment.OfficeId, appointment.Id, ReminderPurpose.ClientReminder, code, participant.ClientId, null,
                        channel, address, language, text, timing, skipped));
                }
                else
                {
                    // The appointment is open and the client takes part: a row cancelled when they left it is wanted again.
                    row.Replan(channel, address, language, text, timing, skipped, reopen: true);
                }
            }
        }

        PlanInterpreterNotice(appointment, existing, settings, now);
    }

    /// <summary>Where the client is asked to come: the text given, or for a room in the office without one, the room's name.</summary>
    private async Task<string> PlaceTextAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        if (appointment.PlaceKind != PlaceKind.OfficeRoom || !string.IsNullOrWhiteSpace(appointment.PlaceText) || appointment.RoomId is not { } room)
        {
            return appointment.PlaceText;
        }

        // A room added in the same unit of work (the demo office's, say) is not stored yet.
        return db.Rooms.Local.FirstOrDefault(r => r.Id == room)?.Name
               ?? await db.Rooms.IgnoreQueryFilters().Where(r => r.Id == room).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    /// <summary>The appointment is off: pending reminders are cancelled; a client already reminded gets a cancellation notice now.</summary>
    public async Task CancelAsync(Appointment appointment, OfficeSettings settings, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(appointment, cancellationToken);
        foreach (var row in existing)
        {
            row.Cancel();
        }

        NoticeCancellation(appointment, existing, settings);
    }

    /// <summary>
    /// Clients left the appointment (it goes on without them): their reminders still to come are cancelled, and one who was
    /// already reminded is told now that the appointment is off for them.
    /// </summary>
    public async Task ClientsLeftAsync(Appointment appointment, IReadOnlyCollection<Guid> clients, OfficeSettings settings, CancellationToken cancellationToken)
    {
        if (clients.Count == 0)
        {
            return;
        }

        var theirs = (await ExistingAsync(appointment, cancellationToken)).Where(r => r.ClientId is { } id && clients.Contains(id)).ToList();
        foreach (var row in theirs.Where(r => r.Purpose == ReminderPurpose.ClientReminder))
        {
            row.Cancel();
        }

        NoticeCancellation(appointment, theirs, settings);
    }

    private void NoticeCancellation(Appointment appointment, List<Reminder> existing, OfficeSettings settings)
    {
        var now = time.GetUtcNow();
        if (appointment.Start <= now)
        {
            return;
        }

        foreach (var reminded in existing.Where(r => r.Purpose == ReminderPurpose.ClientReminder && r.State == ReminderState.Sent && r.ClientId is not null)
                     .GroupBy(r => r.ClientId).Select(g => g.OrderByDescending(r => r.SentAt).First()))
        {
            if (existing.Any(r => r.Purpose == ReminderPurpose.ClientCancellation && r.ClientId == reminded.ClientId))
            {
                continue;
            }

            var text = ReminderTexts.Render(ReminderPurpose.ClientCancellation, reminded.Language, appointment.Start, settings.Clock, appointment.PlaceKind, appointment.PlaceText, settings.Phone);
            db.Reminders.Add(Reminder.Plan(appointment.OfficeId, appointment.Id, ReminderPurpose.ClientCancellation, "", reminded.ClientId, null,
                reminded.Channel, reminded.Address, reminded.Language, text, ReminderTiming.At(now), null));
        }
    }

    public async Task InterpreterArrangedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        foreach (var row in (await ExistingAsync(appointment, cancellationToken)).Where(r => r.Purpose == ReminderPurpose.InterpreterMissing))
        {
            row.Cancel();
        }
    }

    public static (ReminderChannel Channel, string Address, SkipReason? Skipped) ChannelFor(ClientDisplaySummary? summary)
    {
        if (summary is null || summary.IsAnonymised)
        {
            return (ReminderChannel.None, "", SkipReason.NoConsentedChannel);
        }

        return summary.ReminderChannel switch
        {
            ReminderChannelKind.Sms when !string.IsNullOrWhiteSpace(summary.ReminderAddress) => (ReminderChannel.Sms, summary.ReminderAddress!, null),
            ReminderChannelKind.Email when !string.IsNullOrWhiteSpace(summary.ReminderAddress) => (ReminderChannel.Email, summary.ReminderAddress!, null),
            ReminderChannelKind.Messenger or ReminderChannelKind.ViaOffice => (ReminderChannel.Manual, summary.ReminderAddress ?? "", null),
            ReminderChannelKind.None => (ReminderChannel.None, "", SkipReason.OptedOut),
            _ => (ReminderChannel.None, "", SkipReason.NoConsentedChannel),
        };
    }

    private void PlanInterpreterNotice(Appointment appointment, List<Reminder> existing, OfficeSettings settings, DateTimeOffset now)
    {
        var notice = existing.FirstOrDefault(r => r.Purpose == ReminderPurpose.InterpreterMissing);
        if (appointment.InterpreterLanguage is null || appointment.InterpreterStatus == InterpreterStatus.Booked)
        {
            notice?.Cancel();
            return;
        }

        var due = appointment.Start - InterpreterMissingBefore;
        var timing = due <= now ? ReminderTiming.At(now) : ReminderTiming.At(due);
        if (appointment.Start <= now)
        {
            timing = ReminderTiming.Skip(SkipReason.TooClose);
        }

        var text = ReminderTexts.InterpreterMissing(appointment.Start, settings.Clock, appointment.InterpreterLanguage);
        var worker = appointment.Workers[0].WorkerId;
        if (notice is null)
        {
            db.Reminders.Add(Reminder.Plan(appointment.OfficeId, appointment.Id, ReminderPurpose.InterpreterMissing, "48h", null, worker,
                ReminderChannel.Email, "", "de", text, timing, null));
        }
        else
        {
            notice.Replan(ReminderChannel.Email, "", "de", text, timing, null, reopen: true);
        }
    }

    private async Task<List<Reminder>> ExistingAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var stored = await db.Reminders.IgnoreQueryFilters().Where(r => r.AppointmentId == appointment.Id).ToListAsync(cancellationToken);
        return [.. stored.Union(db.Reminders.Local.Where(r => r.AppointmentId == appointment.Id))];
    }
}
