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
        // Hand-written (ADR 0041): the columns a job shows and its office's detail access days in one statement.
        var rows = await JobListReader.ReadAsync(db, me, horizon, cancellationToken);

        // Jobs whose details are no longer accessible are not shown, so neither their clients nor their contacts are asked for.
        var visible = rows
            .Where(row => Booking.DetailsVisible(row.End, row.ActualEnd, now, row.DetailAccessDays ?? BookingPolicy.Default(row.OfficeId).DetailAccessDays))
            .ToList();
        var names = await OfficeNames.ResolveAsync(offices, visible.Select(x => x.OfficeId), cancellationToken);
        // The clients' initials: one question to the Clients module per office, not one per client and job.
        var initialsByOffice = new Dictionary<OfficeId, IReadOnlyDictionary<Guid, string>>();
        foreach (var office in visible.GroupBy(x => x.OfficeId))
        {
            initialsByOffice[office.Key] = await clients.InitialsAsync(office.Key, [.. office.SelectMany(x => x.ClientIds).Distinct()], cancellationToken);
        }

        // The workers to contact: one question for all jobs; names and addresses may be a minute old (ADR 0041), no roles.
        var contacts = await offices.GetContactsAsync(
            [.. visible.Where(x => x.ContactWorkerId is not null).Select(x => x.ContactWorkerId!.Value).Distinct()], cancellationToken);
        var jobs = new List<JobView>(visible.Count);
        foreach (var r in visible)
        {
            var contact = r.ContactWorkerId is { } worker ? contacts.GetValueOrDefault(worker) : null;
            var initials = ClientFacts.Initials(r.ClientIds, initialsByOffice[r.OfficeId]);
            jobs.Add(new JobView(
                r.BookingId, r.RequestId, names[r.OfficeId], r.Start, r.End, r.Language, r.Dialect, r.Modality, r.SubjectArea, r.Place, r.Notes,
                initials, contact?.DisplayName, contact?.Email, r.State, r.ConfirmationCode, r.End >= now));
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

/// <summary>
/// A job as read for the list (<see cref="JobListReader"/>): the booking's and its request's columns the interpreter may see,
/// and its office's detail access days (null: no policy stored).
/// </summary>
internal sealed record JobRow(
    Guid BookingId,
    Guid RequestId,
    OfficeId OfficeId,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset? ActualEnd,
    string Language,
    string? Dialect,
    Modality Modality,
    SubjectArea SubjectArea,
    string? Place,
    string? Notes,
    IReadOnlyList<Guid> ClientIds,
    UserId? ContactWorkerId,
    BookingState State,
    string ConfirmationCode,
    int? DetailAccessDays);

internal static class MyJobsEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapGet("/jobs", async (IQueryHandler<MyJobs, IReadOnlyList<JobView>> handler, CancellationToken ct) =>
            (await handler.Handle(new MyJobs(), ct)).ToHttpResult());
}
