using System.Security.Claims;
using CaseWork.BuildingBlocks.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseWork.Host.Identity;

/// <summary>Adds the office and display name to the sign-in cookie, so office scoping needs no database round trip.</summary>
internal sealed class CaseWorkClaimsPrincipalFactory(
    UserManager<CaseWorkUser> userManager,
    RoleManager<CaseWorkRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CaseWorkUser, CaseWorkRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "casework:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CaseWorkUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CaseWorkClaimTypes.OfficeId, user.OfficeId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
