using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Host.Identity.Administration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Host.Pages.Admin.Users;

/// <summary>
/// One user of the office: change the roles, lock or unlock, reset the password. Each form sends the concurrency stamp
/// it was shown; a change someone else made in between is reported, not overwritten (ADR 0034).
/// </summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class UserDetailsModel(UserAdministration admin, IStringLocalizer<SharedResource> text, IOfficeDirectory offices) : UserAdminPage(text, offices)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    [BindProperty(Name = "Roles")]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public string? Password { get; set; }

    public UserAccount Account { get; private set; } = null!;

    /// <summary>A password CaseWork just made up, shown in this answer only.</summary>
    public string? InitialPassword { get; private set; }

    /// <summary>Whether the password was just reset to one the administrator chose.</summary>
    public bool PasswordSet { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await ShowAsync(null, "", cancellationToken);

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await admin.ChangeRolesAsync(Id, ConcurrencyStamp, SelectedRoles, cancellationToken), "roles", cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await admin.LockAsync(Id, ConcurrencyStamp, cancellationToken), "locked", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await admin.UnlockAsync(Id, ConcurrencyStamp, cancellationToken), "unlocked", cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var result = await admin.ResetPasswordAsync(Id, ConcurrencyStamp, Password, cancellationToken);
        Password = null;
        if (!result.IsSuccess)
        {
            return await ShowAsync(result.Error, "", cancellationToken);
        }

        // No redirect: a made-up password is shown in this answer and nowhere else.
        InitialPassword = result.Value.InitialPassword;
        PasswordSet = InitialPassword is null;
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(null, "", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync<T>(Result<T> result, string saved, CancellationToken cancellationToken) =>
        result.IsSuccess ? Redirect($"/Admin/Users/{Id}?saved={saved}") : await ShowAsync(result.Error, "", cancellationToken);

    private async Task<IActionResult> ShowAsync(Error? error, string prefix, CancellationToken cancellationToken)
    {
        if (error is { Kind: ErrorKind.NotFound })
        {
            return NotFound();
        }

        var account = await admin.GetAsync(Id, cancellationToken);
        if (!account.IsSuccess)
        {
            return NotFound();
        }

        if (error is not null)
        {
            ModelState.Clear();
            ShowErrors(error, prefix);
        }

        // The forms show what is stored now (with its current stamp), also after a refused change.
        Account = account.Value;
        await LoadOfficeZoneAsync(cancellationToken);
        return Page();
    }
}
