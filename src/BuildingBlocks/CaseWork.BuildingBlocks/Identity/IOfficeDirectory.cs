using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.BuildingBlocks.Identity;

/// <summary>Offices and their staff as modules may read them (the host owns identity); no passwords, no security data.</summary>
public interface IOfficeDirectory
{
    /// <summary>An office, or null.</summary>
    Task<OfficeInfo?> GetOfficeAsync(OfficeId office, CancellationToken cancellationToken);

    /// <summary>The office's users, optionally only those in <paramref name="role"/>, ordered by name.</summary>
    Task<IReadOnlyList<StaffMember>> GetStaffAsync(OfficeId office, string? role, CancellationToken cancellationToken);

    /// <summary>One user by id (any office), or null.</summary>
    Task<StaffMember?> GetUserAsync(UserId user, CancellationToken cancellationToken);

    /// <summary>The office's user with this e-mail address (compared without regard to letter case), or null; never another office's.</summary>
    Task<StaffMember?> FindStaffByEmailAsync(OfficeId office, string email, CancellationToken cancellationToken);
}

/// <summary>An office.</summary>
/// <param name="Id">Office id.</param>
/// <param name="Name">Display name.</param>
/// <param name="TimeZone">IANA time zone for display and for local-time rules (e.g. "Europe/Berlin").</param>
public sealed record OfficeInfo(OfficeId Id, string Name, string TimeZone);

/// <summary>A user as other modules may see them.</summary>
/// <param name="Id">User id.</param>
/// <param name="OfficeId">The user's office.</param>
/// <param name="DisplayName">Name shown to colleagues.</param>
/// <param name="Email">Email address for notifications, if any.</param>
/// <param name="Roles">The user's roles.</param>
public sealed record StaffMember(UserId Id, OfficeId OfficeId, string DisplayName, string? Email, IReadOnlyList<string> Roles);
