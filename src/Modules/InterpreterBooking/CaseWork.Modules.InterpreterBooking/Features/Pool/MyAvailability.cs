using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

/// <summary>The signed-in interpreter's weekly hours and absences.</summary>
internal sealed record GetMyAvailability : IQuery<Availability>;

internal sealed record Availability(IReadOnlyList<WeeklySlot> Weekly, IReadOnlyList<Absence> Absences, int DailyMaximum, int Version);

/// <summary>The interpreter replaces their weekly hours and absences.</summary>
internal sealed record SaveMyAvailability(IReadOnlyList<WeeklySlot> Weekly, IReadOnlyList<Absence> Absences, int DailyMaximum, int Version) : ICommand<int>;

internal sealed class SaveMyAvailabilityValidator : AbstractValidator<SaveMyAvailability>
{
    public SaveMyAvailabilityValidator()
    {
        RuleFor(c => c.Weekly).NotNull();
        RuleForEach(c => c.Weekly).Must(s => s.From < s.To && Enum.IsDefined(s.Day)).WithMessage("A window ends after it starts.");
        RuleFor(c => c.Absences).NotNull();
        RuleForEach(c => c.Absences).Must(a => a.From <= a.To).WithMessage("An absence ends on or after its first day.");
        RuleForEach(c => c.Absences).Must(a => a.Note is null || a.Note.Length <= 200).WithMessage("The note is too long.");
        RuleFor(c => c.DailyMaximum).InclusiveBetween(1, 12);
    }
}

internal sealed class GetMyAvailabilityHandler(InterpreterBookingDbContext db, ICurrentUser user) : IQueryHandler<GetMyAvailability, Availability>
{
    public async Task<Result<Availability>> Handle(GetMyAvailability query, CancellationToken cancellationToken)
    {
        var profile = user.UserId is { } me ? await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(p => p.Id == me, cancellationToken) : null;
        return profile is null
            ? Error.NotFound("profile-not-found", "You have no interpreter profile yet; the office adds you to its pool.")
            : new Availability(profile.WeeklyAvailability, profile.Absences, profile.DailyMaximum, profile.Version);
    }
}

internal sealed class SaveMyAvailabilityHandler(InterpreterBookingDbContext db, ICurrentUser user) : ICommandHandler<SaveMyAvailability, int>
{
    public async Task<Result<int>> Handle(SaveMyAvailability command, CancellationToken cancellationToken)
    {
        var profile = user.UserId is { } me ? await db.Interpreters.FirstOrDefaultAsync(p => p.Id == me, cancellationToken) : null;
        if (profile is null)
        {
            return Error.NotFound("profile-not-found", "You have no interpreter profile yet; the office adds you to its pool.");
        }

        if (profile.Version != command.Version)
        {
            return Error.ConcurrentEdit("availability");
        }

        profile.WeeklyAvailability = command.Weekly.OrderBy(s => s.Day).ThenBy(s => s.From).ToList();
        profile.Absences = command.Absences.OrderBy(a => a.From).ToList();
        profile.DailyMaximum = command.DailyMaximum;
        return profile.Version + 1;
    }
}

internal static class MyAvailabilityEndpoint
{
    public static void Map(RouteGroupBuilder interpreter)
    {
        interpreter.MapGet("/availability", async (IQueryHandler<GetMyAvailability, Availability> handler, CancellationToken ct) =>
            (await handler.Handle(new GetMyAvailability(), ct)).ToHttpResult());
        interpreter.MapPut("/availability", async (SaveMyAvailability body, ICommandHandler<SaveMyAvailability, int> handler, CancellationToken ct) =>
            (await handler.Handle(body, ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })));
    }
}
