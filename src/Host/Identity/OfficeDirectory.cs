using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Ids;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CaseWork.Host.Identity;

/// <summary>Reads offices and staff from the identity store for the modules.</summary>
/// <remarks>
/// An office's name and time zone are read by nearly every page and list; they are set when the office is created and
/// nothing in CaseWork changes them, so they are kept for <see cref="OfficeLifetime"/> instead of opening the identity
/// store for each request. Users and their roles are always read fresh (roles decide what someone may do); only a
/// contact person's name and e-mail address (<see cref="GetContactsAsync"/>, no roles) may be up to
/// <see cref="ContactLifetime"/> old (ADR 0041).
/// </remarks>
internal sealed class OfficeDirectory(IdentityStoreDbContext db, ILookupNormalizer normalizer, IMemoryCache cache, TimeProvider clock) : IOfficeDirectory
{
    /// <summary>
    /// How old a contact's name and e-mail address may be when shown (the interpreter's job list asks on every visit). Nothing
    /// in CaseWork changes a user's name or address today; a change made in the store shows after at most this long.
    /// </summary>
    public static readonly TimeSpan ContactLifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long an office read stays cached; an office added meanwhile is found at once (misses are not cached).</summary>
    public static readonly TimeSpan OfficeLifetime = TimeSpan.FromMinutes(5);

    public async Task<OfficeInfo?> GetOfficeAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var key = (typeof(OfficeInfo), office);
        if (cache.TryGetValue(key, out OfficeInfo? known))
        {
            return known;
        }

        var found = await db.Offices.AsNoTracking().Where(o => o.Id == office.Value)
            .Select(o => new OfficeInfo(new OfficeId(o.Id), o.Name, o.TimeZone))
            .FirstOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            cache.Set(key, found, OfficeLifetime);
        }

        return found;
    }

    public async Task<IReadOnlyList<StaffMember>> GetStaffAsync(OfficeId office, string? role, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.OfficeId == office.Value);
        if (role is not null)
        {
            var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
            users = users.Where(u => userIds.Contains(u.Id));
        }

        var found = await users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.OfficeId, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync([.. found.Select(u => u.Id)], cancellationToken);
        return [.. found.Select(u => new StaffMember(new UserId(u.Id), new OfficeId(u.OfficeId), u.DisplayName, u.Email, roles.GetValueOrDefault(u.Id, [])))];
    }

    public async Task<StaffMember?> GetUserAsync(UserId user, CancellationToken cancellationToken) =>
        (await WithRolesAsync([user.Value], cancellationToken)).GetValueOrDefault(user);

    public async Task<IReadOnlyDictionary<UserId, StaffMember>> GetUsersAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count == 0)
        {
            return new Dictionary<UserId, StaffMember>();
        }

        return await WithRolesAsync([.. users.Select(u => u.Value).Distinct()], cancellationToken);
    }

    public async Task<IReadOnlyDictionary<UserId, StaffContact>> GetContactsAsync(IReadOnlyCollection<UserId> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var found = new Dictionary<UserId, StaffContact>();
        if (users.Count == 0)
        {
            return found;
        }

        // The copy's age is measured on the host's clock (not the cache's own), so the bound is the one tests can move.
        var now = clock.GetUtcNow();
        List<Guid>? missing = null;
        foreach (var user in users.Distinct())
        {
            if (cache.TryGetValue((typeof(StaffContact), user), out CachedContact? copy) && copy is not null && now - copy.ReadAt < ContactLifetime)
            {
                found[user] = copy.Contact;
            }
            else
            {
                (missing ??= []).Add(user.Value);
            }
        }

        if (missing is null)
        {
            return found;
        }

        foreach (var (id, member) in await WithRolesAsync([.. missing], cancellationToken))
        {
            var contact = new StaffContact(id, member.DisplayName, member.Email);
            found[id] = contact;
            // Unknown users are not kept: one created a moment later is found at once.
            cache.Set((typeof(StaffContact), id), new CachedContact(contact, now), ContactLifetime);
        }

        return found;
    }

    private sealed record CachedContact(StaffContact Contact, DateTimeOffset ReadAt);

    public async Task<StaffMember?> FindStaffByEmailAsync(OfficeId office, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = normalizer.NormalizeEmail(email.Trim());
        var id = await db.Users.AsNoTracking().Where(u => u.OfficeId == office.Value && u.NormalizedEmail == normalized)
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await GetUserAsync(new UserId(found), cancellationToken) : null;
    }

    private async Task<Dictionary<Guid, IReadOnlyList<string>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Name!).Order(StringComparer.Ordinal)]);
    }

    private static readonly PerModel<Func<IdentityStoreDbContext, Guid, IAsyncEnumerable<UserRoleRow>>> OneUserWithRoles = new(() =>
        EF.CompileAsyncQuery((IdentityStoreDbContext db, Guid id) =>
            from u in db.Users.AsNoTracking()
            where u.Id == id
            join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            select new UserRoleRow(u.Id, u.OfficeId, u.DisplayName, u.Email, r.Name)));

    private sealed record UserRoleRow(Guid Id, Guid OfficeId, string DisplayName, string? Email, string? Role);

    /// <summary>
    /// Users by id with their roles in one statement (a user with no role comes once, with none): the portal and the job
    /// lists ask this on every request, and a second round trip for the roles cost as much as the first.
    /// </summary>
    private async Task<Dictionary<UserId, StaffMember>> WithRolesAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        // One user (the signed-in one, a job's contact): a compiled equality, no list parameter to expand into the SQL.
        var rows = ids.Length == 1
            ? await OneUserWithRoles.For(db)(db, ids[0]).ToListAsync(cancellationToken)
            : await (from u in db.Users.AsNoTracking()
                     where ids.Contains(u.Id)
                     join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
                     from ur in userRoles.DefaultIfEmpty()
                     join r in db.Roles on ur.RoleId equals r.Id into roles
                     from r in roles.DefaultIfEmpty()
                     select new UserRoleRow(u.Id, u.OfficeId, u.DisplayName, u.Email, r.Name)).ToListAsync(cancellationToken);

        return rows.GroupBy(row => row.Id).ToDictionary(
            g => new UserId(g.Key),
            g =>
            {
                var first = g.First();
                IReadOnlyList<string> roles = [.. g.Where(row => row.Role is not null).Select(row => row.Role!).Order(StringComparer.Ordinal)];
                return new StaffMember(new UserId(first.Id), new OfficeId(first.OfficeId), first.DisplayName, first.Email, roles);
            });
    }
}
