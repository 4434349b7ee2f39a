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
/// older than <paramref name="Before"/> for the next page), needs, goals, consents and important dates. Every read is
/// audited. A supervisor sees it pseudonymised unless they give an <paramref name="AccessReason"/>; then the read is
/// a reasoned access in the audit trail.
/// </summary>
internal sealed record ReadCaseFile(
    ClientId ClientId,
    string? NoteType = null,
    string? Topic = null,
    DateTimeOffset? Before = null,
    string? AccessReason = null) : IQuery<CaseFileView>
{
    public const int TimelinePageSize = 50;
}

internal sealed record CaseFileHeader(bool IsOpen, DateOnly OpenedOn, DateOnly? ClosedOn, string? ClosingReason, string? ClosingNote, Guid? LeadWorker, IReadOnlyList<Guid> OtherWorkers, int Version);

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

/// <summary>Everything the case file page shows. <see cref="MoreNotes"/>: older notes exist (ask again with <c>Before</c>).</summary>
internal sealed record CaseFileView(
    ClientView Client,
    CaseFileHeader? CaseFile,
    IReadOnlyList<NoteView> Timeline,
    bool MoreNotes,
    IReadOnlyList<NeedView> Needs,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<ImportantDateView> ImportantDates);

internal sealed class ReadCaseFileValidator : AbstractValidator<ReadCaseFile>
{
    public ReadCaseFileValidator()
    {
        RuleFor(q => q.NoteType).Must(InputEnum.IsValid<NoteType>).WithMessage($"Note type is one of: {InputEnum.Names<NoteType>()}.");
        RuleFor(q => q.Topic).Must(t => string.IsNullOrWhiteSpace(t) || NeedAreas.All.Contains(t)).WithMessage("Unknown topic.");
        RuleFor(q => q.AccessReason).MaximumLength(500);
    }
}

internal sealed class ReadCaseFileHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time)
    : IQueryHandler<ReadCaseFile, CaseFileView>
{
    public async Task<Result<CaseFileView>> Handle(ReadCaseFile query, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseReader() is { } denied)
            return denied;
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.ClientId, cancellationToken);
        if (client is null)
            return ClientLoading.ClientNotFound(query.ClientId);

        var named = access.SeesNames(query.AccessReason);
        if (access.IsSupervisor && named)
        {
            await audit.RecordAsync(AuditAction.ReasonedAccess, "CaseFile", client.Id, cancellationToken, "named case file", query.AccessReason!.Trim());
        }
        else
        {
            await audit.RecordAsync(AuditAction.Read, "CaseFile", client.Id, cancellationToken, named ? null : "pseudonymised");
        }

        var caseFile = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ClientId == client.Id, cancellationToken);
        // Two queries, parent then notes (never Take inside a collection projection: that becomes ROW_NUMBER over the table).
        var notes = await Timeline(db, client.Id, query).Take(ReadCaseFile.TimelinePageSize + 1).ToListAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking().Where(n => n.ClientId == client.Id).OrderBy(n => n.IdentifiedOn).ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.ClientId == client.Id).OrderBy(g => g.DueOn).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.ClientId == client.Id).OrderByDescending(c => c.GivenOn).ToListAsync(cancellationToken);
        var dates = await db.ImportantDates.AsNoTracking().Where(d => d.ClientId == client.Id).OrderBy(d => d.On).ToListAsync(cancellationToken);
        var today = OfficeCalendar.Today(time);

        return new CaseFileView(
            ClientView.Of(client, named),
            caseFile is null
                ? null
                : new CaseFileHeader(caseFile.IsOpen, caseFile.OpenedOn, caseFile.ClosedOn, caseFile.ClosingReason?.ToString(),
                    named ? caseFile.ClosingNote : null, caseFile.LeadWorker?.Value, caseFile.OtherWorkers, caseFile.Version),
            [.. notes.Take(ReadCaseFile.TimelinePageSize).Select(n => new NoteView(
                n.Id, n.Type.ToString(), n.OccurredAt, n.DurationMinutes, n.Topics, named ? n.Text : null, n.Author?.Value, n.KeptByLaw))],
            notes.Count > ReadCaseFile.TimelinePageSize,
            [.. needs.Select(n => new NeedView(n.Id, n.Area, NeedStatusNames.Of(n.Status), named ? n.Description : null, n.IdentifiedOn, n.StatusChangedOn, n.ReferralId))],
            [.. goals.Select(g => new GoalView(g.Id, named ? g.Title : null, named ? g.NextSteps : [], g.DueOn, g.NeedId, g.AgreedOn, g.CompletedOn, g.Achieved))],
            [.. consents.Select(c => new ConsentView(
                c.Id, c.RecipientName, c.RecipientType, c.RecipientOrganisationId, named ? c.Purpose : null, c.DataCategories, c.GivenOn, c.GivenInLanguage,
                c.InterpreterHelped, c.Form.ToString(), c.ValidUntil, c.RevokedOn, c.IsInForceOn(today)))],
            [.. dates.Select(d => new ImportantDateView(d.Id, d.Kind.ToString(), d.On, named ? d.Label : null))]);
    }

    /// <summary>The timeline query, newest first, on the (client_id, occurred_at desc) index.</summary>
    public static IQueryable<CaseNote> Timeline(ClientsDbContext db, ClientId client, ReadCaseFile filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var notes = db.Notes.AsNoTracking().Where(n => n.ClientId == client);
        if (!string.IsNullOrWhiteSpace(filter.NoteType))
        {
            var type = InputEnum.Parse(filter.NoteType, NoteType.Other);
            notes = notes.Where(n => n.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            var topic = filter.Topic;
            notes = notes.Where(n => n.Topics.Contains(topic));
        }

        if (filter.Before is { } before)
            notes = notes.Where(n => n.OccurredAt < before);
        return notes.OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.Id);
    }
}
