using CaseWork.BuildingBlocks.Identity;
using CaseWork.Host.Identity.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Host.Pages.Admin.Users;

/// <summary>
/// An administrator creates a user of the office: name, e-mail, roles, and a password they set or a one-time password
/// CaseWork makes up, shown on the answer to this form only (never stored in readable form, never shown again).
/// </summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class NewUserModel(UserAdministration admin, IStringLocalizer<SharedResource> text, IOfficeDirectory offices) : UserAdminPage(text, offices)
{
    [BindProperty]
    public NewUserForm Input { get; set; } = new();

    public UserAccountCreated? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await admin.CreateAsync(new NewUserAccount(Input.DisplayName, Input.Email, Input.Roles, Input.Password), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.Clear();
            ShowErrors(result.Error, nameof(Input));
            Input.Password = null;
            return Page();
        }

        // No redirect: the one-time password is shown in this answer and nowhere else.
        Created = result.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}

internal sealed class NewUserForm
{
    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? Password { get; set; }
}
