using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

/// <summary>
/// One client of one request, in table <c>request_clients</c> (ADR 0056): the lookup from a client to their requests. The
/// request itself keeps its clients as a JSON list (<c>client_ids</c>), which no index reaches. These rows are not written
/// by hand: <see cref="InterpreterBookingDbContext"/> derives them from the requests' client lists on every save.
/// </summary>
internal sealed class RequestClient(Guid requestId, Guid clientId, OfficeId officeId) : IOfficeScoped
{
    public Guid RequestId { get; private set; } = requestId;

    public Guid ClientId { get; private set; } = clientId;

    public OfficeId OfficeId { get; private set; } = officeId;
}
