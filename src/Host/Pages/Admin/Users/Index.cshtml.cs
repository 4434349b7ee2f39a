using CaseWork.BuildingBlocks.Identity;
using CaseWork.Host.Identity.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Host.Pages.Admin.Users;

/// <summary>The office's users for its administrators: name, e-mail, roles, locked or active, last sign-in (ADR 0034).</summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class UsersModel(UserAdministration admin, IStringLocalizer<SharedResource> text, IOfficeDirectory offices) : UserAdminPage(text, offices)
{
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await admin.ListAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        await LoadOfficeZoneAsync(cancellationToken);
        Accounts = result.Value;
        return Page();
    }
}
