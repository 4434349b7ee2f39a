using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.Clients.Features.Shared;

/// <summary>
/// Who may do what with client records, checked by every handler (so the API and the pages get the same rules):
/// streetworkers work on their office's case files; supervisors read them by pseudonym, by name only with a stated
/// reason; interpreters and administrators see no case content. Office scoping itself is the DbContext's query filter.
/// </summary>
internal sealed class ClientAccess(ICurrentUser user)
{
    public UserId? UserId => user.UserId;

    public OfficeId? OfficeId => user.OfficeId;

    public bool IsStreetworker => user.IsInRole(Roles.Streetworker);

    public bool IsSupervisor => user.IsInRole(Roles.Supervisor) && !IsStreetworker;

    /// <summary>Changes to case files and client records: streetworkers only.</summary>
    public Error? EnsureCaseWorker() =>
        IsStreetworker && user.OfficeId is not null
            ? null
            : Error.Forbidden("case-work-only", "Only streetworkers of the office work on client records.");

    /// <summary>Reading client records: streetworkers, and supervisors (by pseudonym unless they state a reason).</summary>
    public Error? EnsureCaseReader() =>
        (IsStreetworker || IsSupervisor) && user.OfficeId is not null
            ? null
            : Error.Forbidden("case-content", "Your role does not give access to case files.");

    /// <summary>Whether the reader sees names: streetworkers always, supervisors with a stated reason.</summary>
    public bool SeesNames(string? reason) => IsStreetworker || (IsSupervisor && !string.IsNullOrWhiteSpace(reason));
}
