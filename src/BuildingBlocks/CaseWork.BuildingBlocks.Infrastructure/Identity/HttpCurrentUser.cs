using System.Security.Claims;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using Microsoft.AspNetCore.Http;

namespace CaseWork.BuildingBlocks.Infrastructure.Identity;

/// <summary>Claim types CaseWork adds to the sign-in cookie.</summary>
public static class CaseWorkClaimTypes
{
    /// <summary>The office the user works for.</summary>
    public const string OfficeId = "casework:office";
}

/// <summary>
/// The current user from the request's claims; "system" without office outside a request (jobs, dispatcher), unless a
/// system path entered an office through <see cref="IActingOffice"/>.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, ActingOffice actingOffice) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public UserId? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? new UserId(id) : null;

    public string Name => Principal?.Identity?.Name ?? "system";

    public OfficeId? OfficeId => actingOffice.Current ?? ClaimedOffice;

    private OfficeId? ClaimedOffice =>
        Guid.TryParse(Principal?.FindFirstValue(CaseWorkClaimTypes.OfficeId), out var id) ? new OfficeId(id) : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}
