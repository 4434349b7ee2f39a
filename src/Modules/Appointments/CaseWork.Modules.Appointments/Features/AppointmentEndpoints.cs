using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Features.CalendarFeeds;
using CaseWork.Modules.Appointments.Features.ChangeAppointment;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using CaseWork.Modules.Appointments.Features.Outgoing;
using CaseWork.Modules.Appointments.Features.PlanAppointments;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseWork.Modules.Appointments.Features;

internal sealed record RescheduleBody(int Version, DateTime Start, DateTime End, string? TimeZone, string? Scope, bool ConfirmWarnings);

internal sealed record StatusBody(int Version, string? CancelledBy, string? Reason);

/// <summary>
/// The body of PUT /api/appointments/{id}. <c>ClientIds</c> left out keeps the clients; <c>Interpreter</c> sets or changes the
/// need, <c>RemoveInterpreter</c> removes it, neither keeps it (ADR 0035).
/// </summary>
internal sealed record DetailsBody(
    int Version, string Kind, string PlaceKind, string? PlaceText, Guid? RoomId, string? Topic, string? DocumentsToBring,
    IReadOnlyList<Guid>? WorkerIds, string? Scope, bool ConfirmWarnings, IReadOnlyList<Guid>? ClientIds = null,
    InterpreterInput? Interpreter = null, bool RemoveInterpreter = false);

/// <summary>
/// The module's JSON API. Staff of the office (streetworkers, supervisors) read; streetworkers plan and change; supervisors and
/// administrators set the office's rules. Interpreters see nothing here (their view of a job is the InterpreterBooking module's).
/// Another office's appointment answers 404 through the office filter.
/// </summary>
internal static class AppointmentEndpoints
{
    public static readonly string[] StaffRoles = [Roles.Streetworker, Roles.Supervisor];
    public static readonly string[] PlanningRoles = [Roles.Streetworker];
    public static readonly string[] SetupRoles = [Roles.Supervisor, Roles.Administrator];

    public static void Map(RouteGroupBuilder api)
    {
        var staff = api.MapGroup("").RequireAuthorization(p => p.RequireRole(StaffRoles));
        var planning = api.MapGroup("").RequireAuthorization(p => p.RequireRole(PlanningRoles));

        // "from" left out: the office's today, which only the handler knows (the office's zone).
        staff.MapGet("/", async (DateOnly? from, int? days, string? who, Guid? workerId, Guid? roomId, IQueryHandler<GetAgenda, IReadOnlyList<AgendaItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new GetAgenda(from, days ?? 1, who ?? "me", workerId, roomId), ct)).ToHttpResult());

        staff.MapGet("/preparation", async (bool? mine, IQueryHandler<GetPreparationList, IReadOnlyList<AgendaItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new GetPreparationList(mine ?? false), ct)).ToHttpResult());

        staff.MapGet("/outgoing", async (IQueryHandler<GetOutgoingMessages, OutgoingMessages> handler, CancellationToken ct) =>
            (await handler.Handle(new GetOutgoingMessages(), ct)).ToHttpResult());

        staff.MapGet("/{id:guid}", async (Guid id, IQueryHandler<GetAppointment, AppointmentDetails> handler, CancellationToken ct) =>
            (await handler.Handle(new GetAppointment(id), ct)).ToHttpResult());

        planning.MapPost("/outgoing/{id:guid}/sent-by-hand", async (Guid id, ICommandHandler<ConfirmSentByHand, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new ConfirmSentByHand(id), ct)).ToHttpResult(_ => TypedResults.NoContent()));

        planning.MapPost("/", async (ScheduleAppointment command, ICommandHandler<ScheduleAppointment, ScheduledAppointments> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult(v => TypedResults.Created($"/api/appointments/{v.AppointmentIds[0]}", v)));

        planning.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleBody body, ICommandHandler<RescheduleAppointment, int> handler, CancellationToken ct) =>
            (await handler.Handle(new RescheduleAppointment(id, body.Version, body.Start, body.End, body.TimeZone, body.Scope, body.ConfirmWarnings), ct))
            .ToHttpResult(v => TypedResults.Ok(new { version = v })));

        planning.MapPut("/{id:guid}", async (Guid id, DetailsBody body, ICommandHandler<ChangeAppointmentDetails, int> handler, CancellationToken ct) =>
            (await handler.Handle(new ChangeAppointmentDetails(
                id, body.Version, body.Kind, body.PlaceKind, body.PlaceText, body.RoomId, body.Topic, body.DocumentsToBring, body.WorkerIds, body.Scope,
                body.ConfirmWarnings, body.ClientIds, body.Interpreter, body.RemoveInterpreter), ct))
            .ToHttpResult(v => TypedResults.Ok(new { version = v })));

        foreach (var action in new[] { "confirm", "complete", "no-show", "cancel" })
        {
            planning.MapPost($"/{{id:guid}}/{action}", async (Guid id, StatusBody body, ICommandHandler<ChangeAppointmentStatus, int> handler, CancellationToken ct) =>
                (await handler.Handle(new ChangeAppointmentStatus(id, body.Version, action, body.CancelledBy, body.Reason), ct))
                .ToHttpResult(v => TypedResults.Ok(new { version = v })));
        }

        staff.MapGet("/feeds", async (IQueryHandler<ListCalendarFeeds, IReadOnlyList<CalendarFeedItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListCalendarFeeds(), ct)).ToHttpResult());

        staff.MapPost("/feeds", async (OpenCalendarFeed command, ICommandHandler<OpenCalendarFeed, OpenedFeed> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult(v => TypedResults.Created(v.Path, v)));

        staff.MapPost("/feeds/{id:guid}/revoke", async (Guid id, ICommandHandler<RevokeCalendarFeed, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new RevokeCalendarFeed(id), ct)).ToHttpResult(_ => TypedResults.NoContent()));

        // Calendar apps cannot sign in: the secret token in the address is the key (ADR 0015).
        api.MapGet("/feeds/{token}.ics", async (string token, IQueryHandler<GetCalendarFeed, string> handler, CancellationToken ct) =>
            (await handler.Handle(new GetCalendarFeed(token), ct)).ToHttpResult(ics => TypedResults.Text(ics, "text/calendar; charset=utf-8")))
            .AllowAnonymous();

        api.MapGet("/settings", async (IQueryHandler<GetOfficeSetup, OfficeSetupView> handler, CancellationToken ct) =>
            (await handler.Handle(new GetOfficeSetup(), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole([.. StaffRoles, Roles.Administrator]));

        api.MapPut("/settings", async (UpdateOfficeSetup command, ICommandHandler<UpdateOfficeSetup, int> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })))
            .RequireAuthorization(p => p.RequireRole(SetupRoles));

        api.MapPost("/rooms", async (AddRoom command, ICommandHandler<AddRoom, Guid> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult(id => TypedResults.Created($"/api/appointments/rooms/{id}", new { id })))
            .RequireAuthorization(p => p.RequireRole(SetupRoles));
    }
}
