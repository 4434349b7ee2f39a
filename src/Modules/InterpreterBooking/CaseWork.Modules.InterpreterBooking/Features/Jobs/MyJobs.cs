using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Jobs;

/// <summary>
/// The signed-in interpreter's jobs: upcoming ones, and past ones while their details are still accessible (office policy).
/// The client appears only by initials; the place and contact disappear when access ends.
/// </summary>
internal sealed record MyJobs : IQuery<IReadOnlyList<JobView>>;

internal sealed record JobView(
    Guid BookingId,
    Guid RequestId,
    string OfficeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Language,
    string? Dialect,
    Modality Modality,
    SubjectArea SubjectArea,
    string? Place,
    string? Notes,
    string ClientInitials,
    string? ContactName,
    string? ContactEmail,
    BookingState State,
    string ConfirmationCode,
    bool Upcoming);

internal sealed class MyJobsHandler(
    InterpreterBookingDbContext db,
    ICurrentUser user,
    IOfficeDirectory offices,
    ClientFacts clients,
    IAuditTrail audit,
    TimeProvider clock) : IQueryHandler<MyJobs, IReadOnlyList<JobView>>
{
    public async Task<Result<IReadOnlyList<JobView>>> Handle(MyJobs query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me)
        {
            return Array.Empty<JobView>();
        }

        var now = clock.GetUtcNow();
        var horizon = now.AddDays(-90);
        var rows = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.InterpreterId == me && b.End >= horizon && b.State != BookingState.Cancelled)
            // The request's own columns only: its offers (auto-included elsewhere) are not part of a job.
            .Join(db.Requests.IgnoreQueryFilters().IgnoreAutoIncludes(), b => b.RequestId, r => r.Id, (b, r) => new { b, r })
            .OrderBy(x => x.b.Start)
            .ToListAsync(cancellationToken);
        var names = await OfficeNames.ResolveAsync(offices, rows.Select(x => x.b.OfficeId), cancellationToken);
        var jobs = new List<JobView>();
        // Looked up once per office and per contact, not once per job.
        var policies = new Dictionary<OfficeId, BookingPolicy>();
        // The clients' initials: one question to the Clients module per office, not one per client and job.
        var initialsByOffice = new Dictionary<OfficeId, IReadOnlyDictionary<Guid, string>>();
        foreach (var office in rows.GroupBy(x => x.b.OfficeId))
        {
            initialsByOffice[office.Key] = await clients.InitialsAsync(office.Key, [.. office.SelectMany(x => x.r.ClientIds).Distinct()], cancellationToken);
        }

        // The workers to contact: one question for all jobs.
        var contacts = await offices.GetUsersAsync(
            [.. rows.Where(x => x.r.ContactWorkerId is not null).Select(x => x.r.ContactWorkerId!.Value).Distinct()], cancellationToken);
        foreach (var (b, r) in rows.Select(x => (x.b, x.r)))
        {
            if (!policies.TryGetValue(b.OfficeId, out var policy))
            {
                policy = policies[b.OfficeId] = await db.PolicyForAsync(b.OfficeId, cancellationToken);
            }

            if (!b.DetailsVisible(now, policy))
            {
                continue;
            }

            var contact = r.ContactWorkerId is { } worker ? contacts.GetValueOrDefault(worker) : null;

            var initials = ClientFacts.Initials(r.ClientIds, initialsByOffice[b.OfficeId]);
            jobs.Add(new JobView(
                b.Id, r.Id, names[b.OfficeId], b.Start, b.End, b.Language, b.Dialect, b.Modality, r.SubjectArea, r.Place, r.Notes,
                initials, contact?.DisplayName, contact?.Email, b.State, b.ConfirmationCode, b.End >= now));
        }

        if (jobs.Count > 0)
        {
            await audit.RecordAsync(
                new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Read, "InterpreterJobs", me.ToString(), Details: $"jobs: {jobs.Count}, client initials"),
                cancellationToken);
        }

        return jobs;
    }
}

internal static class MyJobsEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapGet("/jobs", async (IQueryHandler<MyJobs, IReadOnlyList<JobView>> handler, CancellationToken ct) =>
            (await handler.Handle(new MyJobs(), ct)).ToHttpResult());
}
