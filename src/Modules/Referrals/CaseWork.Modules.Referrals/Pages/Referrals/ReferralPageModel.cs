using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features;
using CaseWork.Modules.Referrals.Features.Answer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Shows one referral and takes answers; the agency page reaches it by token, the details page by id.</summary>
internal abstract class ReferralPageModel(IQueryHandler<GetReferral, ReferralView> get, ICommandHandler<AnswerReferral, ReferralAnswered> answer) : PageModel
{
    public ReferralView? Referral { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public AnswerForm Form { get; set; } = new();

    protected abstract Guid? ReferralId { get; }

    protected abstract string? Token { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await answer.Handle(new AnswerReferral(ReferralId, Token, Form.Action ?? "", Form.Version, Form.DeclinedBy, Form.Reason, Form.Position,
            Form.ExpectedOn, Form.Outcome, Form.Note), cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Error.Kind == BuildingBlocks.Results.ErrorKind.NotFound)
            {
                return NotFound();
            }

            foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [result.Error.Message] })
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }
        else
        {
            Done = result.Value.Status;
        }

        if (await LoadAsync(cancellationToken))
        {
            return Page();
        }

        // A final answer closes the referral and with it the agency's link: thank the agency instead of a 404.
        return result.IsSuccess ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetReferral(ReferralId, Token), cancellationToken);
        Referral = result.IsSuccess ? result.Value : null;
        return Referral is not null;
    }
}

/// <summary>One answer form post.</summary>
internal sealed class AnswerForm
{
    public string? Action { get; set; }

    public int Version { get; set; }

    public string? DeclinedBy { get; set; }

    public string? Reason { get; set; }

    public int? Position { get; set; }

    public DateOnly? ExpectedOn { get; set; }

    public string? Outcome { get; set; }

    public string? Note { get; set; }
}
