using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseWork.Modules.Clients.Features.Shared;

internal static class EndpointMetadata
{
    /// <summary>The answers every Clients endpoint can give besides its success: invalid input, forbidden role, unknown or other office's record, conflict.</summary>
    public static RouteHandlerBuilder WithClientProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
