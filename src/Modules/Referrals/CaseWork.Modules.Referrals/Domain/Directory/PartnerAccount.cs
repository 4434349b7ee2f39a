using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Referrals.Domain.Directory;

/// <summary>Links a user with the Partner role to the organisation whose referrals they may see and answer.</summary>
internal sealed class PartnerAccount : IOfficeScoped
{
    public PartnerAccount(UserId userId, OfficeId officeId, Guid organisationId)
    {
        UserId = userId;
        OfficeId = officeId;
        OrganisationId = organisationId;
    }

    public UserId UserId { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public void MoveTo(Guid organisationId) => OrganisationId = organisationId;
}
