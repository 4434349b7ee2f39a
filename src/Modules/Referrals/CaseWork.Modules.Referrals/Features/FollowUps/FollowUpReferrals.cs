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

namespace CaseWork.Modules.Referrals.Features.FollowUps;

/// <summary>
/// The follow-up sweep over every office: an unanswered referral reminds its worker once after the office's working days,
/// and expires after the office's days. A reminder mail that fails is retried on the next run (the mark is not saved).
/// </summary>
internal sealed record FollowUpReferrals : ICommand<FollowUpSummary>;

internal sealed record FollowUpSummary(int Reminded, int Expired);

internal sealed partial class FollowUpReferralsHandler(
    ReferralsDbContext db, TimeProvider time, IOfficeDirectory offices, IEmailSender email, IPublicAddress links)
    : ICommandHandler<FollowUpReferrals, FollowUpSummary>
{
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
            foreach (var referral in office)
            {
                switch (referral.FollowUp(policy, zone, now))
                {
                    case FollowUpAction.RemindWorker:
                        if (await RemindAsync(referral, zone, cancellationToken))
                        {
                            reminded++;
                        }
                        else
                        {
                            db.Entry(referral).Property(r => r.WorkerRemindedAt).CurrentValue = null;
                        }

                        break;
                    case FollowUpAction.Expire:
                        expired++;
                        break;
                }
            }
        }

        return new FollowUpSummary(reminded, expired);
    }

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
