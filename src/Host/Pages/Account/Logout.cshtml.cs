using CaseWork.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Host.Pages.Account;

/// <summary>Sign-out (POST only, with anti-forgery, so a link on another site cannot sign the user out).</summary>
internal sealed class LogoutModel(SignInManager<CaseWorkUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/Account/Login");
    }
}
