using CaseWork.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CaseWork.Host.Pages.Account;

/// <summary>The second step of sign-in for users with two-factor sign-in: an authenticator code or a recovery code.</summary>
internal sealed partial class LoginWith2faModel(
    SignInManager<CaseWorkUser> signIn,
    IStringLocalizer<SharedResource> localizer,
    ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable after the password step; otherwise start over.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var isAppCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = code.Length == 0
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : isAppCode
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(code);

        if (result.Succeeded)
        {
            LogSignedIn(isAppCode ? "authenticator" : "recovery code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? localizer["Zu viele Fehlversuche. Das Konto ist vorübergehend gesperrt; bitte versuchen Sie es in 15 Minuten erneut."]
            : localizer["Der Code stimmt nicht."]);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User signed in with two factors ({Method})")]
    private partial void LogSignedIn(string method);
}
