using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.Clients.Features.Retention;

/// <summary>
/// The retention sweep: anonymises every client whose case file was closed longer ago than the office's retention
/// period (default three years). Returns how many were anonymised. Runs for all offices (system job), a batch per run.
/// </summary>
internal sealed record AnonymiseDueCaseFiles(int BatchSize = 200) : ICommand<int>;

internal sealed partial class AnonymiseDueCaseFilesHandler(
    ClientsDbContext db, ClientAnonymiser anonymiser, TimeProvider time, ILogger<AnonymiseDueCaseFilesHandler> logger)
    : ICommandHandler<AnonymiseDueCaseFiles, int>
{
    public async Task<Result<int>> Handle(AnonymiseDueCaseFiles command, CancellationToken cancellationToken)
    {
        var today = OfficeCalendar.Today(time);
        var settings = await db.RetentionSettings.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(s => s.OfficeId, s => s.Period, cancellationToken);
        // The shortest period bounds which files can be due at all; each is then checked against its office's period.
        var shortest = settings.Values.Select(p => p.Years).Append(RetentionPeriod.DefaultYears).Min();
        var latestClosing = today.AddYears(-shortest);

        var active = db.Clients.IgnoreQueryFilters().Where(c => c.State == ClientState.Active).Select(c => c.Id);
        var candidates = await db.CaseFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => !f.IsOpen && f.ClosedOn <= latestClosing && active.Contains(f.ClientId))
            .OrderBy(f => f.ClosedOn)
            .Select(f => new { f.ClientId, f.OfficeId, f.ClosedOn })
            .Take(command.BatchSize * 4)
            .ToListAsync(cancellationToken);

        var anonymised = 0;
        var now = time.GetUtcNow();
        foreach (var candidate in candidates)
        {
            var period = settings.GetValueOrDefault(candidate.OfficeId, RetentionPeriod.Default);
            if (!period.IsDue(candidate.ClosedOn!.Value, today))
                continue;
            var client = await db.Clients.IgnoreQueryFilters().FirstAsync(c => c.Id == candidate.ClientId, cancellationToken);
            await anonymiser.AnonymiseAsync(client, Anonymisation.RetentionReason, [], now, ignoreOffice: true, cancellationToken);
            if (++anonymised == command.BatchSize)
                break;
        }

        if (anonymised > 0)
            LogAnonymised(anonymised);
        return anonymised;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: anonymised {Count} clients whose case files were closed beyond the retention period")]
    private partial void LogAnonymised(int count);
}
