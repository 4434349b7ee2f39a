using System.ComponentModel.DataAnnotations;
using CaseWork.Host.Identity;
using CaseWork.Host.Identity.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CaseWork.Host.Pages.Account;

/// <summary>Sign-in with e-mail address and password; wrong passwords count toward the lockout.</summary>
internal sealed partial class LoginModel(
    SignInManager<CaseWorkUser> signInManager,
    IStringLocalizer<SharedResource> localizer,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            LogLockedOut();
            if (await signInManager.UserManager.FindByNameAsync(Input.UserName.Trim()) is { } locked
                && UserAdministration.IsLockedByAdministrator(locked.LockoutEnd))
            {
                ModelState.AddModelError(string.Empty, localizer["Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration Ihrer Beratungsstelle."]);
                return Page();
            }

            ModelState.AddModelError(string.Empty, localizer["Zu viele Fehlversuche. Das Konto ist vorübergehend gesperrt; bitte versuchen Sie es in 15 Minuten erneut."]);
            return Page();
        }

        // One message for unknown user and wrong password, so the form does not reveal which accounts exist.
        ModelState.AddModelError(string.Empty, localizer["E-Mail-Adresse oder Passwort ist falsch."]);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User signed in")]
    private partial void LogSignedIn();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: account locked out")]
    private partial void LogLockedOut();
}

internal sealed class LoginInput
{
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
    [Display(Name = "E-Mail-Adresse")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort ein.")]
    [DataType(DataType.Password)]
    [Display(Name = "Passwort")]
    public string Password { get; set; } = "";
}
