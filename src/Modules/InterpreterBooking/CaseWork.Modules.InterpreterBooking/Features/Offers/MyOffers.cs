using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Offers;

/// <summary>The signed-in interpreter's open offers, of every office they serve; what they need to decide, no client.</summary>
internal sealed record MyOffers : IQuery<IReadOnlyList<OfferView>>;

internal sealed record OfferView(
    Guid OfferId,
    Guid RequestId,
    Guid OfficeId,
    string OfficeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Language,
    string? Dialect,
    Modality Modality,
    string? District,
    SubjectArea SubjectArea,
    bool Urgent,
    DateTimeOffset OfferedAt);

internal sealed class MyOffersHandler(InterpreterBookingDbContext db, ICurrentUser user, IOfficeDirectory offices)
    : IQueryHandler<MyOffers, IReadOnlyList<OfferView>>
{
    /// <summary>
    /// Compiled once: the portal asks this on every visit, and translating the LINQ tree again (parameter extraction, cache
    /// key, SQL template) cost more than the statement.
    /// </summary>
    private static readonly PerModel<Func<InterpreterBookingDbContext, BuildingBlocks.Ids.UserId, IAsyncEnumerable<OfferRow>>> Query = new(() =>
        EF.CompileAsyncQuery((InterpreterBookingDbContext db, BuildingBlocks.Ids.UserId me) => db.Offers.AsNoTracking()
            .Where(o => o.InterpreterId == me && o.State == OfferState.Pending)
            .Join(db.Requests.IgnoreQueryFilters(), o => o.RequestId, r => r.Id, (o, r) => new { o, r })
            .Where(x => x.r.State == RequestState.Offered)
            .OrderBy(x => x.r.Start)
            .Select(x => new OfferRow(
                x.o.Id, x.o.RequestId, x.r.OfficeId, x.r.Start, x.r.End, x.r.Language, x.r.Dialect, x.r.Modality, x.r.District,
                x.r.SubjectArea, x.r.Urgent, x.o.OfferedAt))));

    public async Task<Result<IReadOnlyList<OfferView>>> Handle(MyOffers query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me)
        {
            return Array.Empty<OfferView>();
        }

        var rows = await Query.For(db)(db, me).ToListAsync(cancellationToken);

        var names = await OfficeNames.ResolveAsync(offices, rows.Select(r => r.OfficeId), cancellationToken);
        return rows.Select(r => new OfferView(
            r.Id, r.RequestId, r.OfficeId.Value, names[r.OfficeId], r.Start, r.End, r.Language, r.Dialect, r.Modality, r.District,
            r.SubjectArea, r.Urgent, r.OfferedAt)).ToList();
    }
}

internal sealed record OfferRow(
    Guid Id,
    Guid RequestId,
    BuildingBlocks.Ids.OfficeId OfficeId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Language,
    string? Dialect,
    Modality Modality,
    string? District,
    SubjectArea SubjectArea,
    bool Urgent,
    DateTimeOffset OfferedAt);

internal static class OfficeNames
{
    public static async Task<Dictionary<BuildingBlocks.Ids.OfficeId, string>> ResolveAsync(
        IOfficeDirectory offices, IEnumerable<BuildingBlocks.Ids.OfficeId> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<BuildingBlocks.Ids.OfficeId, string>();
        foreach (var id in ids.Distinct())
        {
            names[id] = (await offices.GetOfficeAsync(id, cancellationToken))?.Name ?? "";
        }

        return names;
    }
}

internal static class MyOffersEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapGet("/offers", async (IQueryHandler<MyOffers, IReadOnlyList<OfferView>> handler, CancellationToken ct) =>
            (await handler.Handle(new MyOffers(), ct)).ToHttpResult());
}
