using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;

namespace CaseWork.Modules.Clients.Features.ReadCaseFile;

/// <summary>
/// The client and one page of the case file's timeline (the latest <see cref="ReadCaseFile.TimelinePageSize"/> notes,
/// optionally of one type or topic, or older than <paramref name="Before"/>): what paging through the notes and filtering
/// them needs, without reading the needs, goals, consents and dates again. The next page starts after the last note's
/// time and id (<paramref name="Before"/>, <paramref name="BeforeId"/>). Audited like the whole case file, with the same
/// rules for supervisors.
/// </summary>
internal sealed record ReadTimeline(
    ClientId ClientId,
    string? NoteType = null,
    string? Topic = null,
    DateTimeOffset? Before = null,
    string? AccessReason = null,
    Guid? BeforeId = null) : IQuery<TimelineView>, ITimelineFilter;

/// <summary>One page of the timeline. <see cref="MoreNotes"/>: older notes exist (ask again with <c>before</c> and <c>beforeId</c> = the last note's time and id).</summary>
internal sealed record TimelineView(ClientView Client, IReadOnlyList<NoteView> Notes, bool MoreNotes);

internal sealed class ReadTimelineValidator : TimelineFilterValidator<ReadTimeline>;

internal sealed class ReadTimelineHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit) : IQueryHandler<ReadTimeline, TimelineView>
{
    public async Task<Result<TimelineView>> Handle(ReadTimeline query, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseReader() is { } denied)
            return denied;
        var page = await TimelineReader.ReadAsync(db, query.ClientId, query, ReadCaseFile.TimelinePageSize, cancellationToken);
        if (page is null)
            return ClientLoading.ClientNotFound(query.ClientId);

        var named = access.SeesNames(query.AccessReason);
        await ReadCaseFileHandler.RecordReadAsync(access, audit, page.Client.Id, query.AccessReason, "named timeline", cancellationToken);
        return new TimelineView(ClientView.Of(page.Client, named), [.. page.Notes.Select(n => n.View(named))], page.MoreNotes);
    }
}
