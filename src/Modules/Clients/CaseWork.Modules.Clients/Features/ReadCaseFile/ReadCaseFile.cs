using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.ReadCaseFile;

/// <summary>
/// A client's case file: header, the latest <see cref="TimelinePageSize"/> notes (optionally of one type or topic, or
/// older than <paramref name="Before"/>/<paramref name="BeforeId"/> for the next page), needs, goals, consents and important dates. Every read is
/// audited. A supervisor sees it pseudonymised unless they give an <paramref name="AccessReason"/>; then the read is
/// a reasoned access in the audit trail.
/// </summary>
internal sealed record ReadCaseFile(
    ClientId ClientId,
    string? NoteType = null,
    string? Topic = null,
    DateTimeOffset? Before = null,
    string? AccessReason = null,
    Guid? BeforeId = null) : IQuery<CaseFileView>, ITimelineFilter
{
    public const int TimelinePageSize = 50;
}

internal sealed record CaseFileHeader(bool IsOpen, DateOnly OpenedOn, DateOnly? ClosedOn, string? ClosingReason, string? ClosingNote, Guid? LeadWorker, IReadOnlyList<Guid> OtherWorkers, int Version);

/// <summary>A note as the reader sees it (<see cref="TimelineReader.StoredNote.View"/>): without its text unless they see names.</summary>
internal sealed record NoteView(Guid Id, string Type, DateTimeOffset OccurredAt, int? DurationMinutes, IReadOnlyList<string> Topics, string? Text, Guid? Author, bool KeptByLaw);

internal sealed record NeedView(Guid Id, string Area, string Status, string? Description, DateOnly IdentifiedOn, DateOnly StatusChangedOn, Guid? ReferralId);

internal sealed record GoalView(Guid Id, string? Title, IReadOnlyList<string> NextSteps, DateOnly? DueOn, Guid? NeedId, DateOnly AgreedOn, DateOnly? CompletedOn, bool? Achieved);

internal sealed record ImportantDateView(Guid Id, string Kind, DateOnly On, string? Label);

internal sealed record ConsentView(
    Guid Id,
    string RecipientName,
    string RecipientType,
    Guid? RecipientOrganisationId,
    string? Purpose,
    IReadOnlyList<string> DataCategories,
    DateOnly GivenOn,
    string GivenInLanguage,
    bool InterpreterHelped,
    string Form,
    DateOnly? ValidUntil,
    DateOnly? RevokedOn,
    bool InForceToday);

/// <summary>Everything the case file page shows. <see cref="MoreNotes"/>: older notes exist (ask again with the last note's time and id as <c>Before</c>/<c>BeforeId</c>).</summary>
internal sealed record CaseFileView(
    ClientView Client,
    CaseFileHeader? CaseFile,
    IReadOnlyList<NoteView> Timeline,
    bool MoreNotes,
    IReadOnlyList<NeedView> Needs,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<ImportantDateView> ImportantDates);

/// <summary>The filters a timeline read takes (the whole case file, or one page of its notes).</summary>
internal interface ITimelineFilter
{
    string? NoteType { get; }

    string? Topic { get; }

    /// <summary>The next page: notes older than this time, or as old and of a lower id than <see cref="BeforeId"/>.</summary>
    DateTimeOffset? Before { get; }

    /// <summary>
    /// With <see cref="Before"/>: the last note of the page read so far, so notes sharing its time are neither skipped
    /// nor shown twice (the timeline is ordered by time, then id).
    /// </summary>
    Guid? BeforeId { get; }

    string? AccessReason { get; }
}

internal abstract class TimelineFilterValidator<T> : AbstractValidator<T>
    where T : ITimelineFilter
{
    protected TimelineFilterValidator()
    {
        RuleFor(q => q.NoteType).Must(InputEnum.IsValid<NoteType>).WithMessage($"Note type is one of: {InputEnum.Names<NoteType>()}.");
        RuleFor(q => q.Topic).Must(t => string.IsNullOrWhiteSpace(t) || NeedAreas.All.Contains(t)).WithMessage("Unknown topic.");
        RuleFor(q => q.AccessReason).MaximumLength(500);
        RuleFor(q => q.BeforeId).Null().When(q => q.Before is null).WithMessage("beforeId only goes with before (the time of the same note).");
    }
}

internal sealed class ReadCaseFileValidator : TimelineFilterValidator<ReadCaseFile>;

internal sealed class ReadCaseFileHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : IQueryHandler<ReadCaseFile, CaseFileView>
{
    public async Task<Result<CaseFileView>> Handle(ReadCaseFile query, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseReader() is { } denied)
            return denied;
        var page = await TimelineReader.ReadAsync(db, query.ClientId, query, ReadCaseFile.TimelinePageSize, cancellationToken);
        if (page is null)
            return ClientLoading.ClientNotFound(query.ClientId);

        var named = access.SeesNames(query.AccessReason);
        // The audit entry is committed while the rest of the file is read; nothing is answered before both are done.
        var audited = RecordReadAsync(access, audit, page.Client.Id, query.AccessReason, "named case file", cancellationToken);
        var loaded = LoadAsync(page.Client.Id, cancellationToken);
        await Task.WhenAll(audited, loaded);
        var (caseFile, needs, goals, consents, dates) = await loaded;
        var today = OfficeCalendar.Today(time);

        return new CaseFileView(
            ClientView.Of(page.Client, named),
            caseFile is null
                ? null
                : new CaseFileHeader(caseFile.IsOpen, caseFile.OpenedOn, caseFile.ClosedOn, caseFile.ClosingReason?.ToString(),
                    named ? caseFile.ClosingNote : null, caseFile.LeadWorker?.Value, caseFile.OtherWorkers, caseFile.Version),
            [.. page.Notes.Select(n => n.View(named))],
            page.MoreNotes,
            [.. needs.Select(n => new NeedView(n.Id, n.Area, NeedStatusNames.Of(n.Status), named ? n.Description : null, n.IdentifiedOn, n.StatusChangedOn, n.ReferralId))],
            [.. goals.Select(g => new GoalView(g.Id, named ? g.Title : null, named ? g.NextSteps : [], g.DueOn, g.NeedId, g.AgreedOn, g.CompletedOn, g.Achieved))],
            [.. consents.Select(c => new ConsentView(
                c.Id, c.RecipientName, c.RecipientType, c.RecipientOrganisationId, named ? c.Purpose : null, c.DataCategories, c.GivenOn, c.GivenInLanguage,
                c.InterpreterHelped, c.Form.ToString(), c.ValidUntil, c.RevokedOn, c.IsInForceOn(today)))],
            [.. dates.Select(d => new ImportantDateView(d.Id, d.Kind.ToString(), d.On, named ? d.Label : null))]);
    }

    private async Task<Content> LoadAsync(ClientId client, CancellationToken cancellationToken)
    {
        var caseFile = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ClientId == client, cancellationToken);
        var needs = await db.Needs.AsNoTracking().Where(n => n.ClientId == client).OrderBy(n => n.IdentifiedOn).ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.ClientId == client).OrderBy(g => g.DueOn).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.ClientId == client).OrderByDescending(c => c.GivenOn).ToListAsync(cancellationToken);
        var dates = await db.ImportantDates.AsNoTracking().Where(d => d.ClientId == client).OrderBy(d => d.On).ToListAsync(cancellationToken);
        return new Content(caseFile, needs, goals, consents, dates);
    }

    private sealed record Content(
        CaseFile? CaseFile, List<Need> Needs, List<Goal> Goals, List<Consent> Consents, List<ImportantDate> Dates);

    /// <summary>
    /// The audit entry of a read of the case file (or a part of it): a reasoned access when a supervisor sees names, a
    /// plain read otherwise (marked pseudonymised when names were withheld).
    /// </summary>
    public static Task RecordReadAsync(ClientAccess access, ClientAudit audit, ClientId client, string? accessReason, string namedDetails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(audit);
        var named = access.SeesNames(accessReason);
        return access.IsSupervisor && named
            ? audit.RecordAsync(AuditAction.ReasonedAccess, "CaseFile", client, cancellationToken, namedDetails, accessReason!.Trim())
            : audit.RecordAsync(AuditAction.Read, "CaseFile", client, cancellationToken, named ? null : "pseudonymised");
    }
}
