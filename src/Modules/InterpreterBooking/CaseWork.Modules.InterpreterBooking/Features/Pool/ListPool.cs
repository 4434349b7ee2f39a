using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

/// <summary>The office's pool with contact details: for the office's coordinators only.</summary>
internal sealed record ListPool : IQuery<IReadOnlyList<PoolMember>>;

internal sealed record PoolMember(Guid InterpreterId, string DisplayName, string? Email, string? Phone, string? Gender, IReadOnlyList<LanguageSkill> Languages,
    Modalities Modalities, IReadOnlyList<string> Districts, int DailyMaximum, DateTimeOffset? LastAssignedAt, int Version, int TermsVersion);

internal sealed class ListPoolHandler(InterpreterBookingDbContext db, IAuditTrail audit) : IQueryHandler<ListPool, IReadOnlyList<PoolMember>>
{
    public async Task<Result<IReadOnlyList<PoolMember>>> Handle(ListPool query, CancellationToken cancellationToken)
    {
        // Current members only: the office no longer sees the profile of someone whose membership ended (ADR 0048).
        var terms = await db.PoolMemberships.Where(m => m.LeftAt == null).ToDictionaryAsync(m => m.InterpreterId, m => m.Version, cancellationToken);
        var ids = terms.Keys.ToList();
        var profiles = await db.Interpreters.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        if (profiles.Count > 0)
        {
            await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Read, "InterpreterPool", "office",
                Details: $"contact details of {profiles.Count} interpreters"), cancellationToken);
        }

        return profiles.Select(p => new PoolMember(p.Id.Value, p.DisplayName, p.Email, p.Phone, p.Gender, p.Languages, p.Modalities, p.Districts,
            p.DailyMaximum, p.LastAssignedAt, p.Version, terms[p.Id])).ToList();
    }
}

internal static class ListPoolEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapGet("/pool", async (IQueryHandler<ListPool, IReadOnlyList<PoolMember>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListPool(), ct)).ToHttpResult());
}
