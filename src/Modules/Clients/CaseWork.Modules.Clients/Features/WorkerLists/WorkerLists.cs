using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.WorkerLists;

/// <summary>The signed-in worker's clients: open case files where they are lead or other worker.</summary>
internal sealed record MyClients : IQuery<IReadOnlyList<WorkerClientItem>>;

/// <summary>Open goals of the worker's clients due this week (Monday to Sunday, office time zone), overdue ones included.</summary>
internal sealed record GoalsDueThisWeek : IQuery<IReadOnlyList<DueGoalItem>>;

/// <summary>Important dates of the worker's clients in the next <paramref name="Days"/> days (today included).</summary>
internal sealed record UpcomingImportantDates(int Days = 30) : IQuery<IReadOnlyList<UpcomingDateItem>>;

internal sealed record WorkerClientItem(Guid ClientId, string PseudonymCode, string DisplayName, bool IsLead, DateOnly OpenedOn, int OpenNeeds);

internal sealed record DueGoalItem(Guid ClientId, string PseudonymCode, string DisplayName, Guid GoalId, string Title, DateOnly DueOn, bool Overdue);

internal sealed record UpcomingDateItem(Guid ClientId, string PseudonymCode, string DisplayName, Guid DateId, string Kind, DateOnly On, string? Label, int DaysLeft);

internal static class WorkerCaseload
{
    /// <summary>Ids of the open case files the worker is assigned to.</summary>
    public static IQueryable<ClientId> OfWorker(ClientsDbContext db, ClientAccess access)
    {
        var me = access.UserId!.Value;
        var raw = me.Value;
        return db.CaseFiles.Where(f => f.IsOpen && (f.LeadWorker == me || f.OtherWorkers.Contains(raw))).Select(f => f.ClientId);
    }

    public static Error? EnsureWorker(ClientAccess access) =>
        access.EnsureCaseWorker() ?? (access.UserId is null ? BuildingBlocks.Results.Error.Forbidden("no-user", "Sign in as a worker.") : null);
}

internal sealed class MyClientsHandler(ClientsDbContext db, ClientAccess access) : IQueryHandler<MyClients, IReadOnlyList<WorkerClientItem>>
{
    public async Task<Result<IReadOnlyList<WorkerClientItem>>> Handle(MyClients query, CancellationToken cancellationToken)
    {
        if (WorkerCaseload.EnsureWorker(access) is { } denied)
            return denied;
        var me = access.UserId!.Value;
        var raw = me.Value;
        var rows = await db.CaseFiles.AsNoTracking()
            .Where(f => f.IsOpen && (f.LeadWorker == me || f.OtherWorkers.Contains(raw)))
            .Join(db.Clients.Where(c => c.State == ClientState.Active), f => f.ClientId, c => c.Id, (f, c) => new
            {
                c.Id,
                c.PseudonymCode,
                c.GivenNamesLatin,
                c.FamilyNamesLatin,
                IsLead = f.LeadWorker == me,
                f.OpenedOn,
                OpenNeeds = db.Needs.Count(n => n.ClientId == c.Id && (n.Status == NeedStatus.Open || n.Status == NeedStatus.InProgress)),
            })
            .OrderBy(r => r.FamilyNamesLatin).ThenBy(r => r.GivenNamesLatin)
            .Take(500)
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<WorkerClientItem>>.Success(
            [.. rows.Select(r => new WorkerClientItem(r.Id.Value, r.PseudonymCode, $"{r.GivenNamesLatin} {r.FamilyNamesLatin}".Trim(), r.IsLead, r.OpenedOn, r.OpenNeeds))]);
    }
}

internal sealed class GoalsDueThisWeekHandler(ClientsDbContext db, ClientAccess access, TimeProvider time) : IQueryHandler<GoalsDueThisWeek, IReadOnlyList<DueGoalItem>>
{
    public async Task<Result<IReadOnlyList<DueGoalItem>>> Handle(GoalsDueThisWeek query, CancellationToken cancellationToken)
    {
        if (WorkerCaseload.EnsureWorker(access) is { } denied)
            return denied;
        var today = OfficeCalendar.Today(time);
        var (_, sunday) = OfficeCalendar.WeekOf(today);
        var mine = WorkerCaseload.OfWorker(db, access);
        var rows = await db.Goals.AsNoTracking()
            .Where(g => g.CompletedOn == null && g.DueOn != null && g.DueOn <= sunday && mine.Contains(g.ClientId))
            .Join(db.Clients, g => g.ClientId, c => c.Id, (g, c) => new { g.ClientId, c.PseudonymCode, c.GivenNamesLatin, c.FamilyNamesLatin, g.Id, g.Title, g.DueOn })
            .OrderBy(r => r.DueOn)
            .Take(500)
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<DueGoalItem>>.Success(
            [.. rows.Select(r => new DueGoalItem(r.ClientId.Value, r.PseudonymCode, $"{r.GivenNamesLatin} {r.FamilyNamesLatin}".Trim(), r.Id, r.Title, r.DueOn!.Value, r.DueOn < today))]);
    }
}

internal sealed class UpcomingImportantDatesHandler(ClientsDbContext db, ClientAccess access, TimeProvider time)
    : IQueryHandler<UpcomingImportantDates, IReadOnlyList<UpcomingDateItem>>
{
    public async Task<Result<IReadOnlyList<UpcomingDateItem>>> Handle(UpcomingImportantDates query, CancellationToken cancellationToken)
    {
        if (WorkerCaseload.EnsureWorker(access) is { } denied)
            return denied;
        var today = OfficeCalendar.Today(time);
        var until = today.AddDays(Math.Clamp(query.Days, 1, 366) - 1);
        var mine = WorkerCaseload.OfWorker(db, access);
        var rows = await db.ImportantDates.AsNoTracking()
            .Where(d => d.On >= today && d.On <= until && mine.Contains(d.ClientId))
            .Join(db.Clients, d => d.ClientId, c => c.Id, (d, c) => new { d.ClientId, c.PseudonymCode, c.GivenNamesLatin, c.FamilyNamesLatin, d.Id, d.Kind, d.On, d.Label })
            .OrderBy(r => r.On)
            .Take(500)
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<UpcomingDateItem>>.Success(
            [.. rows.Select(r => new UpcomingDateItem(r.ClientId.Value, r.PseudonymCode, $"{r.GivenNamesLatin} {r.FamilyNamesLatin}".Trim(), r.Id, r.Kind.ToString(), r.On, r.Label, r.On.DayNumber - today.DayNumber))]);
    }
}
