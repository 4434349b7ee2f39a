using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.TestKit;

/// <summary>A current user that tests set up directly, instead of signing in through the host.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);

    /// <summary>A user of <paramref name="officeId"/> with the given roles.</summary>
    public TestCurrentUser(OfficeId? officeId, params string[] roles)
    {
        OfficeId = officeId;
        _roles.UnionWith(roles);
    }

    /// <summary>The system user of jobs and the dispatcher: no user id, no office, no roles.</summary>
    public static TestCurrentUser System() => new(officeId: null) { Name = "system", UserId = null };

    /// <summary>A streetworker of <paramref name="officeId"/>.</summary>
    public static TestCurrentUser Streetworker(OfficeId officeId) => new(officeId, Roles.Streetworker);

    /// <inheritdoc />
    public UserId? UserId { get; set; } = BuildingBlocks.Ids.UserId.New();

    /// <inheritdoc />
    public string Name { get; set; } = "test.user";

    /// <inheritdoc />
    public OfficeId? OfficeId { get; set; }

    /// <inheritdoc />
    public bool IsInRole(string role) => _roles.Contains(role);
}
