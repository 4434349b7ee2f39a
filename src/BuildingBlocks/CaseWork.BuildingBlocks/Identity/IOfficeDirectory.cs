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

    /// <summary>
    /// Several users by id (any office), in one question where the directory can: the found ones by id; unknown ids are
    /// left out. A list that names a few colleagues per row (jobs, requests) asks this once instead of once per row.
    /// </summary>
    async Task<IReadOnlyDictionary<UserId, StaffMember>> GetUsersAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var found = new Dictionary<UserId, StaffMember>();
        foreach (var id in users.Distinct())
        {
            if (await GetUserAsync(id, cancellationToken) is { } member)
            {
                found[id] = member;
            }
        }

        return found;
    }

    /// <summary>
    /// Names and e-mail addresses of several users by id (any office), to show as someone's contact person; unknown ids are
    /// left out. No roles: nothing may be decided on a contact. A directory may answer from a copy up to a short, documented
    /// age (the host's: <c>OfficeDirectory.ContactLifetime</c>, ADR 0041); use <see cref="GetUsersAsync"/> where it must be fresh.
    /// </summary>
    async Task<IReadOnlyDictionary<UserId, StaffContact>> GetContactsAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken) =>
        (await GetUsersAsync(users, cancellationToken)).ToDictionary(u => u.Key, u => new StaffContact(u.Key, u.Value.DisplayName, u.Value.Email));

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

/// <summary>A user as shown to others as a contact person.</summary>
/// <param name="Id">User id.</param>
/// <param name="DisplayName">Name shown to colleagues.</param>
/// <param name="Email">Email address, if any.</param>
public sealed record StaffContact(UserId Id, string DisplayName, string? Email);
