using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Infrastructure.Http;

/// <summary>One outbox message as administrators see it: its state and last error, never its content (it may hold personal data).</summary>
/// <param name="Id">The event id.</param>
/// <param name="Type">The event type name.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="ProcessedAt">When it was delivered, if it was.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="LastError">The last delivery error.</param>
/// <param name="NextAttemptAt">When the next attempt is due.</param>
public sealed record OutboxMessageStatus(
    Guid Id, string Type, DateTimeOffset OccurredAt, DateTimeOffset? ProcessedAt, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt);

/// <summary>The operations endpoint every module has: what is waiting in, or stuck in, its outbox.</summary>
public static class OutboxInspectionEndpoints
{
    /// <summary>Maps <c>GET outbox?state=pending|failed|all</c> on the module's API group.</summary>
    public static RouteHandlerBuilder MapOutboxInspection<TDbContext>(this IEndpointRouteBuilder group)
        where TDbContext : ModuleDbContext =>
        group.MapGet("/outbox", (HttpContext http, string? state) =>
                ListAsync(http.RequestServices.GetRequiredService<TDbContext>(), state, http.RequestAborted))
            .WithSummary("Outbox messages of this module (administrators)")
            .ProducesValidationProblem();

    private static async Task<IResult> ListAsync(ModuleDbContext db, string? state, CancellationToken cancellationToken)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        switch (state ?? "pending")
        {
            case "pending":
                messages = messages.Where(m => m.ProcessedAt == null);
                break;
            case "failed":
                messages = messages.Where(m => m.ProcessedAt == null && m.Attempts > 0);
                break;
            case "all":
                break;
            default:
                return Error.Validation("state", "Use one of: pending, failed, all.").ToProblem();
        }

        var list = await messages
            .OrderByDescending(m => m.OccurredAt)
            .Take(200)
            .Select(m => new OutboxMessageStatus(m.Id, m.Type, m.OccurredAt, m.ProcessedAt, m.Attempts, m.LastError, m.NextAttemptAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list);
    }
}
