using System.Globalization;
using System.Text;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.Referrals.Features.FollowUps;

/// <summary>
/// The follow-up sweep over every office: an unanswered referral reminds its worker once after the office's working days,
/// and expires after the office's days. Each referral's step is saved on its own, a reminder before its mail goes out, so a
/// concurrent edit of one referral (the agency answering, another run of the sweep) costs neither the run nor a second
/// mail: that referral is read again and judged as it now is. A reminder mail that fails is retried on the next run (the
/// mark is taken back).
/// </summary>
internal sealed record FollowUpReferrals : ICommand<FollowUpSummary>;

internal sealed record FollowUpSummary(int Reminded, int Expired);

internal sealed partial class FollowUpReferralsHandler(
    ReferralsDbContext db, TimeProvider time, IOfficeDirectory offices, IEmailSender email, IPublicAddress links,
    ILogger<FollowUpReferralsHandler> logger)
    : ICommandHandler<FollowUpReferrals, FollowUpSummary>
{
    /// <summary>How often one referral is read again after a concurrent edit before the run leaves it to the next run.</summary>
    internal const int Attempts = 3;

    public async Task<Result<FollowUpSummary>> Handle(FollowUpReferrals command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // A system sweep across offices: each referral is judged by its own office's settings and time zone.
        var unanswered = await db.Referrals.IgnoreQueryFilters().Include(r => r.History)
            .Where(r => r.Status == ReferralStatus.Sent)
            .OrderBy(r => r.SentAt)
            .Take(2000)
            .ToListAsync(cancellationToken);
        int reminded = 0, expired = 0;
        foreach (var office in unanswered.GroupBy(r => r.OfficeId))
        {
            var (policy, _) = await OfficeSettingsReader.ReadAsync(db, office.Key, cancellationToken);
            var zone = OfficeSettingsReader.Zone((await offices.GetOfficeAsync(office.Key, cancellationToken))?.TimeZone);
            foreach (var read in office)
            {
                switch (await FollowUpAsync(read, policy, zone, now, cancellationToken))
                {
                    case (FollowUpAction.RemindWorker, var referral):
                        if (await RemindAsync(referral, zone, cancellationToken))
                        {
                            reminded++;
                        }
                        else
                        {
                            await TakeBackReminderAsync(referral, cancellationToken);
                        }

                        break;
                    case (FollowUpAction.Expire, _):
                        expired++;
                        break;
                }
            }
        }

        return new FollowUpSummary(reminded, expired);
    }

    /// <summary>
    /// Applies the follow-up rule to one referral and saves it at once. When someone else changed it since it was read, it
    /// is read again and judged again (already reminded, answered meanwhile: nothing to do).
    /// </summary>
    private async Task<(FollowUpAction Action, Referral Referral)> FollowUpAsync(
        Referral referral, FollowUpPolicy policy, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var action = referral.FollowUp(policy, zone, now);
            if (action == FollowUpAction.None)
            {
                return (action, referral);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (action, referral);
            }
            catch (DbUpdateConcurrencyException)
            {
                var id = referral.Id;
                Forget(referral);
                LogConcurrentEdit(id, attempt);
                var current = attempt < Attempts
                    ? await db.Referrals.IgnoreQueryFilters().Include(r => r.History).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                    : null;
                if (current is null)
                {
                    // Gone, or still changing under us: the next run looks again.
                    return (FollowUpAction.None, referral);
                }

                referral = current;
            }
        }
    }

    /// <summary>The mail could not be sent: the mark is taken back, so the next run reminds again.</summary>
    private async Task TakeBackReminderAsync(Referral referral, CancellationToken cancellationToken)
    {
        db.Entry(referral).Property(r => r.WorkerRemindedAt).CurrentValue = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (answered, most likely): the reminder stays marked; the supervisors' digest still lists it
            // while it is unanswered.
            Forget(referral);
        }
    }

    /// <summary>Stops tracking a referral and the history rows it was given, so nothing of a failed step is saved later.</summary>
    private void Forget(Referral referral)
    {
        foreach (var change in referral.History)
        {
            db.Entry(change).State = EntityState.Detached;
        }

        db.Entry(referral).State = EntityState.Detached;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} was changed by someone else during the follow-up sweep (attempt {Attempt}); read again")]
    private partial void LogConcurrentEdit(Guid referralId, int attempt);

    private async Task<bool> RemindAsync(Referral referral, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var worker = await offices.GetUserAsync(referral.WorkerId, cancellationToken);
        if (worker?.Email is not { Length: > 0 } address)
        {
            // Nobody to mail: the open list and the supervisors' digest still show it.
            return true;
        }

        var sent = TimeZoneInfo.ConvertTime(referral.SentAt!.Value, zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Die Weitervermittlung an {referral.RecipientName} vom {sent} ist noch unbeantwortet.")
            .AppendLine("Bitte fragen Sie bei der Stelle nach oder tragen Sie die Antwort ein:")
            .AppendLine(links.Absolute($"/Referrals/Details/{referral.Id}"))
            .ToString();
        try
        {
            await email.SendAsync(new EmailMessage(address, "Weitervermittlung ohne Antwort", body, "de"), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>The weekly digest: each office's supervisors get the overdue referrals, by pseudonym only.</summary>
internal sealed record SendOverdueDigest : ICommand<int>;

internal sealed class SendOverdueDigestHandler(
    ReferralsDbContext db, TimeProvider time, IOfficeDirectory offices, IEmailSender email, ClientDirectoryAccess clients, IPublicAddress links)
    : ICommandHandler<SendOverdueDigest, int>
{
    public async Task<Result<int>> Handle(SendOverdueDigest command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = await db.Referrals.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Sent)
            .Select(r => new { r.Id, r.OfficeId, r.ClientId, r.RecipientName, r.SentAt })
            .ToListAsync(cancellationToken);
        var mails = 0;
        foreach (var office in waiting.GroupBy(r => r.OfficeId))
        {
            var (policy, _) = await OfficeSettingsReader.ReadAsync(db, office.Key, cancellationToken);
            var info = await offices.GetOfficeAsync(office.Key, cancellationToken);
            var zone = OfficeSettingsReader.Zone(info?.TimeZone);
            var overdue = office.Where(r => now >= policy.ReminderDue(r.SentAt!.Value, zone)).OrderBy(r => r.SentAt).ToList();
            if (overdue.Count == 0)
            {
                continue;
            }

            var codes = await clients.PseudonymsAsync(office.Key, overdue.Select(r => r.ClientId), cancellationToken);
            var body = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Überfällige Weitervermittlungen in {info?.Name ?? "Ihrer Beratungsstelle"}: {overdue.Count}")
                .AppendLine();
            foreach (var r in overdue)
            {
                body.AppendLine(CultureInfo.InvariantCulture,
                    $"- {codes.GetValueOrDefault(r.ClientId, "—")}: {r.RecipientName}, gesendet am {TimeZoneInfo.ConvertTime(r.SentAt!.Value, zone):dd.MM.yyyy}");
            }

            body.AppendLine().AppendLine("Auswertung: " + links.Absolute("/Referrals/Outcomes"));
            foreach (var supervisor in await offices.GetStaffAsync(office.Key, Roles.Supervisor, cancellationToken))
            {
                if (supervisor.Email is { Length: > 0 } address)
                {
                    await email.SendAsync(new EmailMessage(address, $"Wochenübersicht: {overdue.Count} überfällige Weitervermittlungen", body.ToString(), "de"), cancellationToken);
                    mails++;
                }
            }
        }

        return mails;
    }
}
