using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Answer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>One referral for staff of the office (everything) or a partner contact of the receiving organisation (what was shared).</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor + "," + Roles.Partner)]
internal sealed class DetailsModel(IQueryHandler<GetReferral, ReferralView> get, ICommandHandler<AnswerReferral, ReferralAnswered> answer)
    : ReferralPageModel(get, answer)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    protected override Guid? ReferralId => Id;

    protected override string? Token => null;
}
