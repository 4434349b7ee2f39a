using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Requests;

/// <summary>
/// A worker changes a hand-entered request nobody has accepted yet (ADR 0036). <see cref="Version"/> is the one the form was
/// read at. A request from an appointment is changed through the appointment.
/// </summary>
internal sealed record EditRequest(
    Guid RequestId,
    string Language,
    string? Dialect,
    Modality Modality,
    DateTimeOffset Start,
    int DurationMinutes,
    string? Place,
    string? District,
    SubjectArea SubjectArea,
    string? PreferredGender,
    string? Notes,
    int Version) : ICommand<ChangedRequest>, IRequestDetails;

/// <summary>The request after the change: its new version, whether a new offer round started and how many offers went out.</summary>
internal sealed record ChangedRequest(Guid RequestId, int Version, bool NewRound, bool Urgent, int OffersMade);

internal sealed class EditRequestValidator : AbstractValidator<EditRequest>
{
    public EditRequestValidator(TimeProvider clock)
    {
        Include(new RequestDetailsValidator(clock));
        RuleFor(c => c.Version).GreaterThanOrEqualTo(0);
    }
}

internal sealed class EditRequestHandler(
    InterpreterBookingDbContext db,
    OfferRound round,
    InterpreterNotifier notifier,
    TimeProvider clock) : ICommandHandler<EditRequest, ChangedRequest>
{
    public async Task<Result<ChangedRequest>> Handle(EditRequest command, CancellationToken cancellationToken)
    {
        // The office filter applies: another office's request reads as not found.
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
        if (request is null)
        {
            return Error.NotFound("request-not-found", "There is no such request.");
        }

        if (request.Version != command.Version)
        {
            return Error.ConcurrentEdit("interpreter request");
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = command.Version;
        var now = clock.GetUtcNow();
        var policy = await db.PolicyForAsync(request.OfficeId, cancellationToken);
        var edited = request.Edit(
            command.Language.Trim().ToLowerInvariant(), command.Dialect, command.Modality, command.Start, command.Start.AddMinutes(command.DurationMinutes),
            command.Place?.Trim(), command.District, command.SubjectArea, command.PreferredGender, string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(),
            policy, now);
        if (!edited.IsSuccess)
        {
            return edited.Error;
        }

        IReadOnlyList<Offer> offers = edited.Value ? await round.OfferNextTierAsync(request, policy, now, cancellationToken) : [];
        if (offers.Count > 0)
        {
            await notifier.OffersMadeAsync(request, offers, await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken), policy.Zone, cancellationToken);
        }

        return new ChangedRequest(request.Id, command.Version + 1, edited.Value, request.Urgent, offers.Count);
    }
}

/// <summary>A worker cancels a hand-entered request before the job, with a reason (ADR 0036).</summary>
internal sealed record CancelRequest(Guid RequestId, string Reason, int Version) : ICommand<CancelledRequest>;

/// <summary>The cancelled request; <see cref="Billable"/> when a booked interpreter was cancelled inside the late window.</summary>
internal sealed record CancelledRequest(Guid RequestId, bool InterpreterCancelled, bool Billable);

internal sealed class CancelRequestValidator : AbstractValidator<CancelRequest>
{
    public CancelRequestValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Please give a reason.").MaximumLength(500);
        RuleFor(c => c.Version).GreaterThanOrEqualTo(0);
    }
}

internal sealed class CancelRequestHandler(InterpreterBookingDbContext db, RequestCancellation cancellation, TimeProvider clock)
    : ICommandHandler<CancelRequest, CancelledRequest>
{
    public async Task<Result<CancelledRequest>> Handle(CancelRequest command, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
        if (request is null)
        {
            return Error.NotFound("request-not-found", "There is no such request.");
        }

        if (request.AppointmentId is not null)
        {
            return Error.Conflict("request-from-appointment", "This request belongs to an appointment: cancel the appointment or remove its interpreter need instead.");
        }

        if (request.Version != command.Version)
        {
            return Error.ConcurrentEdit("interpreter request");
        }

        var now = clock.GetUtcNow();
        if (request.State == RequestState.Cancelled)
        {
            return Error.Conflict("request-cancelled", "The request is already cancelled.");
        }

        if (now >= request.Start)
        {
            return Error.Conflict("job-started", "The job has already begun; it can no longer be cancelled.");
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = command.Version;
        var policy = await db.PolicyForAsync(request.OfficeId, cancellationToken);
        var booking = await cancellation.CancelAsync(request, policy, command.Reason.Trim(), now, cancellationToken);
        return new CancelledRequest(request.Id, booking is not null, booking?.Billable ?? false);
    }
}

internal sealed record EditRequestBody(
    string Language, string? Dialect, Modality Modality, DateTimeOffset Start, int DurationMinutes, string? Place, string? District,
    SubjectArea SubjectArea, string? PreferredGender, string? Notes, int Version);

internal sealed record CancelRequestBody(string? Reason, int Version);

internal static class ChangeRequestEndpoints
{
    public static void Map(RouteGroupBuilder coordinator)
    {
        coordinator.MapPut("/requests/{requestId:guid}", async (Guid requestId, EditRequestBody body, ICommandHandler<EditRequest, ChangedRequest> handler, CancellationToken ct) =>
            (await handler.Handle(new EditRequest(
                requestId, body.Language ?? "", body.Dialect, body.Modality, body.Start, body.DurationMinutes, body.Place, body.District, body.SubjectArea,
                body.PreferredGender, body.Notes, body.Version), ct)).ToHttpResult());
        coordinator.MapPost("/requests/{requestId:guid}/cancel", async (Guid requestId, CancelRequestBody body, ICommandHandler<CancelRequest, CancelledRequest> handler, CancellationToken ct) =>
            (await handler.Handle(new CancelRequest(requestId, body.Reason ?? "", body.Version), ct)).ToHttpResult());
    }
}
