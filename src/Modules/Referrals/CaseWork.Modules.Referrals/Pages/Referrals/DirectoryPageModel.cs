using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Shared by the directory administration pages: field errors of a failed command into the form's model state.</summary>
internal abstract class DirectoryPageModel : PageModel
{
    protected void ShowErrors(Error error, string prefix)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [error.Message] })
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
            }
        }
    }
}
