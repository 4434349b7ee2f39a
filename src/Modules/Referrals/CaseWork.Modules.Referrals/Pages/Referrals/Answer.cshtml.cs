using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Answer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>The agency's answer page at its secret, expiring link: no account; shows only what was shared.</summary>
[AllowAnonymous]
internal sealed class AnswerModel(IQueryHandler<GetReferral, ReferralView> get, ICommandHandler<AnswerReferral, ReferralAnswered> answer)
    : ReferralPageModel(get, answer)
{
    [BindProperty(SupportsGet = true)]
    public string LinkToken { get; set; } = "";

    protected override Guid? ReferralId => null;

    protected override string? Token => LinkToken;
}
