using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.AnonymousContacts;
using CaseWork.Modules.Clients.Features.CaseFiles;
using CaseWork.Modules.Clients.Features.CaseRecords;
using CaseWork.Modules.Clients.Features.Consents;
using CaseWork.Modules.Clients.Features.Duplicates;
using CaseWork.Modules.Clients.Features.Erasure;
using CaseWork.Modules.Clients.Features.MergeClients;
using CaseWork.Modules.Clients.Features.ReadCaseFile;
using CaseWork.Modules.Clients.Features.RegisterClient;
using CaseWork.Modules.Clients.Features.Retention;
using CaseWork.Modules.Clients.Features.SearchClients;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Features.UpdateClient;
using CaseWork.Modules.Clients.Features.WorkerLists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CaseWork.Modules.Clients.Api;

/// <summary>Request bodies whose record id comes from the route.</summary>
internal sealed record UpdateClientBody(int Version, ClientDetailsInput Details);

internal sealed record CloseCaseFileBody(int Version, string? Reason, DateOnly? On, string? Note);

internal sealed record OpenCaseFileBody(DateOnly? On);

internal sealed record AssignWorkersBody(int Version, Guid? LeadWorker, IReadOnlyList<Guid>? OtherWorkers);

internal sealed record AddNoteBody(string? Type, DateTimeOffset? OccurredAt, int? DurationMinutes, IReadOnlyList<string>? Topics, string? Text);

internal sealed record AddNeedBody(string? Area, string? Description, DateOnly? On);

internal sealed record ChangeNeedStatusBody(string? Status, DateOnly? On);

internal sealed record AddGoalBody(string? Title, IReadOnlyList<string>? NextSteps, DateOnly? DueOn, Guid? NeedId);

internal sealed record CompleteGoalBody(bool Achieved, DateOnly? On);

internal sealed record AddImportantDateBody(string? Kind, DateOnly? On, string? Label);

internal sealed record GrantConsentBody(
    string? RecipientName, string? RecipientType, Guid? RecipientOrganisationId, string? Purpose, IReadOnlyList<string>? DataCategories,
    DateOnly? GivenOn, string? GivenInLanguage, bool InterpreterHelped, string? Form, DateOnly? ValidUntil);

internal sealed record RevokeConsentBody(DateOnly? On);

internal sealed record MergeBody(int SurvivorVersion, Guid MergedId, int MergedVersion);

internal sealed record ErasureBody(string? Reason, IReadOnlyList<Guid>? KeepNotesByLaw);

internal sealed record ConvertContactBody(int Version, ClientDetailsInput Details);

internal sealed record ChangeRetentionBody(int Years);

/// <summary>The module's HTTP API under <c>/api/clients</c>; each endpoint dispatches one command or query.</summary>
internal static class ClientEndpoints
{
    /// <summary>Header (or query <c>accessReason</c>) with which a supervisor opens a named case file.</summary>
    public const string AccessReasonHeader = "CaseWork-Access-Reason";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/", async (RegisterClient command, ICommandHandler<RegisterClient, RegistrationOutcome> handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToHttpResult(o => o.Registered
                    ? TypedResults.Created($"/api/clients/{o.Client!.ClientId}", o)
                    : TypedResults.Conflict(o)))
            .WithName("RegisterClient").WithSummary("Register a client after a duplicate check (409 with the candidates unless confirmedNotDuplicate).")
            .Produces<RegistrationOutcome>(StatusCodes.Status201Created).WithClientProblems();

        api.MapGet("/", async (string? term, int? limit, IQueryHandler<SearchClients, IReadOnlyList<ClientSearchHit>> handler, CancellationToken ct) =>
                (await handler.Handle(new SearchClients(term, limit ?? 20), ct)).ToHttpResult())
            .WithName("SearchClients").WithSummary("Search by name (any script), date of birth or pseudonym code; likely duplicates flagged.")
            .Produces<IReadOnlyList<ClientSearchHit>>().WithClientProblems();

        api.MapPut("/{id:guid}", async (Guid id, UpdateClientBody body, ICommandHandler<UpdateClient, ClientRef> handler, CancellationToken ct) =>
                (await handler.Handle(new UpdateClient(ClientId.From(id), body.Version, body.Details), ct)).ToHttpResult())
            .WithName("UpdateClient").WithSummary("Change a client's personal details (version as read; 409 when stale).")
            .Produces<ClientRef>().WithClientProblems();

        api.MapGet("/{id:guid}/case-file", async (
                Guid id, string? noteType, string? topic, DateTimeOffset? before, Guid? beforeId, string? accessReason, HttpRequest request,
                IQueryHandler<ReadCaseFile, CaseFileView> handler, CancellationToken ct) =>
            {
                var reason = accessReason ?? request.Headers[AccessReasonHeader].FirstOrDefault();
                return (await handler.Handle(new ReadCaseFile(ClientId.From(id), noteType, topic, before, reason, beforeId), ct)).ToHttpResult();
            })
            .WithName("ReadCaseFile").WithSummary("The case file with the latest 50 notes (filters: noteType, topic; before and beforeId: the last note's time and id for the next page). Supervisors: give a reason for named access.")
            .Produces<CaseFileView>().WithClientProblems();

        api.MapGet("/{id:guid}/timeline", async (
                Guid id, string? noteType, string? topic, DateTimeOffset? before, Guid? beforeId, string? accessReason, HttpRequest request,
                IQueryHandler<ReadTimeline, TimelineView> handler, CancellationToken ct) =>
            {
                var reason = accessReason ?? request.Headers[AccessReasonHeader].FirstOrDefault();
                return (await handler.Handle(new ReadTimeline(ClientId.From(id), noteType, topic, before, reason, beforeId), ct)).ToHttpResult();
            })
            .WithName("ReadTimeline").WithSummary("The client and one page of 50 notes, newest first (filters: noteType, topic; before and beforeId: the last note's time and id for the next page). Audited like the case file.")
            .Produces<TimelineView>().WithClientProblems();

        api.MapGet("/{id:guid}/duplicates", async (Guid id, IQueryHandler<FindDuplicates, IReadOnlyList<DuplicateCandidateView>> handler, CancellationToken ct) =>
                (await handler.Handle(new FindDuplicates(ClientId.From(id)), ct)).ToHttpResult())
            .WithName("FindDuplicates").WithSummary("Likely duplicates of a client, with reasons.")
            .Produces<IReadOnlyList<DuplicateCandidateView>>().WithClientProblems();

        api.MapPost("/{id:guid}/case-file/open", async (Guid id, OpenCaseFileBody? body, ICommandHandler<OpenCaseFile, int> handler, CancellationToken ct) =>
                (await handler.Handle(new OpenCaseFile(ClientId.From(id), body?.On), ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })))
            .WithName("OpenCaseFile").WithSummary("Open (or reopen) the case file.").Produces(StatusCodes.Status200OK).WithClientProblems();

        api.MapPost("/{id:guid}/case-file/close", async (Guid id, CloseCaseFileBody body, ICommandHandler<CloseCaseFile, int> handler, CancellationToken ct) =>
                (await handler.Handle(new CloseCaseFile(ClientId.From(id), body.Version, body.Reason, body.On, body.Note), ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })))
            .WithName("CloseCaseFile").WithSummary("Close the case file with a reason.").Produces(StatusCodes.Status200OK).WithClientProblems();

        api.MapPut("/{id:guid}/case-file/workers", async (Guid id, AssignWorkersBody body, ICommandHandler<AssignWorkers, int> handler, CancellationToken ct) =>
                (await handler.Handle(new AssignWorkers(ClientId.From(id), body.Version, body.LeadWorker, body.OtherWorkers), ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })))
            .WithName("AssignWorkers").WithSummary("Set the lead and other workers.").Produces(StatusCodes.Status200OK).WithClientProblems();

        api.MapPost("/{id:guid}/notes", async (Guid id, AddNoteBody body, ICommandHandler<AddNote, Guid> handler, CancellationToken ct) =>
                Created(await handler.Handle(new AddNote(ClientId.From(id), body.Type, body.OccurredAt, body.DurationMinutes, body.Topics, body.Text), ct)))
            .WithName("AddNote").WithSummary("Write a note on the timeline.").Produces(StatusCodes.Status201Created).WithClientProblems();

        api.MapPost("/{id:guid}/needs", async (Guid id, AddNeedBody body, ICommandHandler<AddNeed, Guid> handler, CancellationToken ct) =>
                Created(await handler.Handle(new AddNeed(ClientId.From(id), body.Area, body.Description, body.On), ct)))
            .WithName("AddNeed").WithSummary("Record a need.").Produces(StatusCodes.Status201Created).WithClientProblems();

        api.MapPost("/{id:guid}/needs/{needId:guid}/status", async (Guid id, Guid needId, ChangeNeedStatusBody body, ICommandHandler<ChangeNeedStatus, Unit> handler, CancellationToken ct) =>
                NoContent(await handler.Handle(new ChangeNeedStatus(ClientId.From(id), needId, body.Status, body.On), ct)))
            .WithName("ChangeNeedStatus").WithSummary("Change a need's status.").Produces(StatusCodes.Status204NoContent).WithClientProblems();

        api.MapPost("/{id:guid}/goals", async (Guid id, AddGoalBody body, ICommandHandler<AddGoal, Guid> handler, CancellationToken ct) =>
                Created(await handler.Handle(new AddGoal(ClientId.From(id), body.Title, body.NextSteps, body.DueOn, body.NeedId), ct)))
            .WithName("AddGoal").WithSummary("Agree a goal with next steps and a due date.").Produces(StatusCodes.Status201Created).WithClientProblems();

        api.MapPost("/{id:guid}/goals/{goalId:guid}/complete", async (Guid id, Guid goalId, CompleteGoalBody body, ICommandHandler<CompleteGoal, Unit> handler, CancellationToken ct) =>
                NoContent(await handler.Handle(new CompleteGoal(ClientId.From(id), goalId, body.Achieved, body.On), ct)))
            .WithName("CompleteGoal").WithSummary("Complete a goal.").Produces(StatusCodes.Status204NoContent).WithClientProblems();

        api.MapPost("/{id:guid}/important-dates", async (Guid id, AddImportantDateBody body, ICommandHandler<AddImportantDate, Guid> handler, CancellationToken ct) =>
                Created(await handler.Handle(new AddImportantDate(ClientId.From(id), body.Kind, body.On, body.Label), ct)))
            .WithName("AddImportantDate").WithSummary("Note an important date.").Produces(StatusCodes.Status201Created).WithClientProblems();

        api.MapPost("/{id:guid}/consents", async (Guid id, GrantConsentBody body, ICommandHandler<GrantConsent, Guid> handler, CancellationToken ct) =>
                Created(await handler.Handle(new GrantConsent(ClientId.From(id), body.RecipientName, body.RecipientType, body.RecipientOrganisationId, body.Purpose,
                    body.DataCategories, body.GivenOn, body.GivenInLanguage, body.InterpreterHelped, body.Form, body.ValidUntil), ct)))
            .WithName("GrantConsent").WithSummary("Record a consent to share (publishes ConsentGranted).").Produces(StatusCodes.Status201Created).WithClientProblems();

        api.MapPost("/{id:guid}/consents/{consentId:guid}/revoke", async (Guid id, Guid consentId, RevokeConsentBody? body, ICommandHandler<RevokeConsent, Unit> handler, CancellationToken ct) =>
                NoContent(await handler.Handle(new RevokeConsent(ClientId.From(id), consentId, body?.On), ct)))
            .WithName("RevokeConsent").WithSummary("Revoke a consent (publishes ConsentRevoked).").Produces(StatusCodes.Status204NoContent).WithClientProblems();

        api.MapPost("/{id:guid}/merge", async (Guid id, MergeBody body, ICommandHandler<MergeClients, ClientRef> handler, CancellationToken ct) =>
                (await handler.Handle(new MergeClients(ClientId.From(id), body.SurvivorVersion, ClientId.From(body.MergedId), body.MergedVersion), ct)).ToHttpResult())
            .WithName("MergeClients").WithSummary("Merge another record into this one (audited; publishes ClientsMerged).").Produces<ClientRef>().WithClientProblems();

        api.MapPost("/{id:guid}/erasure", async (Guid id, ErasureBody body, ICommandHandler<RequestErasure, Unit> handler, CancellationToken ct) =>
                NoContent(await handler.Handle(new RequestErasure(ClientId.From(id), body.Reason, body.KeepNotesByLaw), ct)))
            .WithName("RequestErasure").WithSummary("Anonymise now on the client's request (publishes ClientAnonymised).").Produces(StatusCodes.Status204NoContent).WithClientProblems();

        api.MapPost("/anonymous-contacts", async (LogAnonymousContact command, ICommandHandler<LogAnonymousContact, AnonymousContactRef> handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToHttpResult(r => TypedResults.Created($"/api/clients/anonymous-contacts/{r.Id}", r)))
            .WithName("LogAnonymousContact").WithSummary("Log a contact with someone who gave no name.").Produces<AnonymousContactRef>(StatusCodes.Status201Created).WithClientProblems();

        api.MapGet("/anonymous-contacts", async (bool? includeConverted, IQueryHandler<ListAnonymousContacts, IReadOnlyList<AnonymousContactView>> handler, CancellationToken ct) =>
                (await handler.Handle(new ListAnonymousContacts(includeConverted ?? false), ct)).ToHttpResult())
            .WithName("ListAnonymousContacts").WithSummary("The office's anonymous contacts.").Produces<IReadOnlyList<AnonymousContactView>>().WithClientProblems();

        api.MapPost("/anonymous-contacts/{contactId:guid}/convert", async (Guid contactId, ConvertContactBody body, ICommandHandler<ConvertAnonymousContact, ClientRef> handler, CancellationToken ct) =>
                (await handler.Handle(new ConvertAnonymousContact(contactId, body.Version, body.Details), ct)).ToHttpResult(r => TypedResults.Created($"/api/clients/{r.ClientId}", r)))
            .WithName("ConvertAnonymousContact").WithSummary("Turn an anonymous contact into a client record, keeping its history.").Produces<ClientRef>(StatusCodes.Status201Created).WithClientProblems();

        api.MapGet("/my", async (IQueryHandler<MyClients, IReadOnlyList<WorkerClientItem>> handler, CancellationToken ct) =>
                (await handler.Handle(new MyClients(), ct)).ToHttpResult())
            .WithName("MyClients").WithSummary("The signed-in worker's clients.").Produces<IReadOnlyList<WorkerClientItem>>().WithClientProblems();

        api.MapGet("/my/goals-due", async (IQueryHandler<GoalsDueThisWeek, IReadOnlyList<DueGoalItem>> handler, CancellationToken ct) =>
                (await handler.Handle(new GoalsDueThisWeek(), ct)).ToHttpResult())
            .WithName("GoalsDueThisWeek").WithSummary("Open goals of the worker's clients due this week (Europe/Berlin), overdue included.").Produces<IReadOnlyList<DueGoalItem>>().WithClientProblems();

        api.MapGet("/my/important-dates", async (int? days, IQueryHandler<UpcomingImportantDates, IReadOnlyList<UpcomingDateItem>> handler, CancellationToken ct) =>
                (await handler.Handle(new UpcomingImportantDates(days ?? 30), ct)).ToHttpResult())
            .WithName("UpcomingImportantDates").WithSummary("Important dates of the worker's clients in the next days (30 by default).").Produces<IReadOnlyList<UpcomingDateItem>>().WithClientProblems();

        api.MapGet("/retention-setting", async (IQueryHandler<GetRetentionSetting, RetentionSettingView> handler, CancellationToken ct) =>
                (await handler.Handle(new GetRetentionSetting(), ct)).ToHttpResult())
            .WithName("GetRetentionSetting").WithSummary("The office's retention period (administrators).").Produces<RetentionSettingView>().WithClientProblems();

        api.MapPut("/retention-setting", async (ChangeRetentionBody body, ICommandHandler<ChangeRetentionSetting, RetentionSettingView> handler, CancellationToken ct) =>
                (await handler.Handle(new ChangeRetentionSetting(body.Years), ct)).ToHttpResult())
            .WithName("ChangeRetentionSetting").WithSummary("Change the office's retention period in years (administrators).").Produces<RetentionSettingView>().WithClientProblems();
    }

    private static IResult Created(Result<Guid> result) => result.ToHttpResult(id => TypedResults.Created((string?)null, new { id }));

    private static IResult NoContent(Result<Unit> result) => result.ToHttpResult(_ => TypedResults.NoContent());
}
