using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
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

namespace CaseWork.Modules.InterpreterBooking.Features.Requests;

/// <summary>A worker asks for an interpreter for an occasion that is not an appointment (or before the appointment exists).</summary>
internal sealed record CreateRequest(
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
    IReadOnlyList<Guid>? ClientIds) : ICommand<CreatedRequest>, IRequestDetails;

internal sealed record CreatedRequest(Guid RequestId, bool Urgent, int OffersMade);

internal sealed class CreateRequestValidator : AbstractValidator<CreateRequest>
{
    public CreateRequestValidator(TimeProvider clock)
    {
        Include(new RequestDetailsValidator(clock));
    }
}

internal sealed class CreateRequestHandler(
    InterpreterBookingDbContext db,
    ICurrentUser user,
    OfferRound round,
    InterpreterNotifier notifier,
    TimeProvider clock) : ICommandHandler<CreateRequest, CreatedRequest>
{
    public async Task<Result<CreatedRequest>> Handle(CreateRequest command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "You do not work for an office.");
        }

        var now = clock.GetUtcNow();
        var policy = await db.PolicyForAsync(office, cancellationToken);
        var request = InterpreterRequest.Create(
            office, null, command.ClientIds ?? [], command.Language.Trim().ToLowerInvariant(), command.Dialect, command.Modality, command.Start,
            command.Start.AddMinutes(command.DurationMinutes), command.Place?.Trim(), command.District, command.SubjectArea,
            command.PreferredGender, command.Notes?.Trim(), user.UserId, user.UserId, policy, now);
        db.Requests.Add(request);
        var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var profiles = await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken);
        await notifier.OffersMadeAsync(request, offers, profiles, policy.Zone, cancellationToken);
        return new CreatedRequest(request.Id, request.Urgent, offers.Count);
    }
}

internal static class CreateRequestEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapPost("/requests", async (CreateRequest command, ICommandHandler<CreateRequest, CreatedRequest> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult(created => TypedResults.Created($"/api/interpreter-booking/requests/{created.RequestId}", created)));
}

/// <summary>What a worker enters for a request, whether new or changed; validated the same way in both.</summary>
internal interface IRequestDetails
{
    string Language { get; }

    string? Dialect { get; }

    Modality Modality { get; }

    DateTimeOffset Start { get; }

    int DurationMinutes { get; }

    string? Place { get; }

    string? District { get; }

    SubjectArea SubjectArea { get; }

    string? PreferredGender { get; }

    string? Notes { get; }
}

internal sealed class RequestDetailsValidator : AbstractValidator<IRequestDetails>
{
    public RequestDetailsValidator(TimeProvider clock)
    {
        RuleFor(c => c.Language).Must(LanguageCatalog.IsKnown).WithMessage("Unknown language.");
        RuleFor(c => c.Dialect)
            .Must((c, dialect) => string.IsNullOrWhiteSpace(dialect)
                                  || (LanguageCatalog.Find(c.Language)?.Dialects.Contains(dialect.Trim(), StringComparer.OrdinalIgnoreCase) ?? false))
            .WithMessage("Unknown dialect for this language.");
        RuleFor(c => c.Modality).IsInEnum();
        RuleFor(c => c.SubjectArea).IsInEnum();
        RuleFor(c => c.Start).Must(start => start > clock.GetUtcNow()).WithMessage("The job must lie in the future.");
        RuleFor(c => c.DurationMinutes).InclusiveBetween(15, 600);
        RuleFor(c => c.Place).NotEmpty().MaximumLength(500);
        RuleFor(c => c.District).MaximumLength(100);
        RuleFor(c => c.PreferredGender).Must(g => g is null or "" or "female" or "male").WithMessage("Use female, male or nothing.");
        RuleFor(c => c.Notes).MaximumLength(1000);
    }
}
