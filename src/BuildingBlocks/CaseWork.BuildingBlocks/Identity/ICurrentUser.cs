using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.BuildingBlocks.Identity;

/// <summary>Who is acting in the current request or job, and for which office.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user, or null for anonymous requests and system jobs.</summary>
    UserId? UserId { get; }

    /// <summary>The display name recorded in the audit trail ("system" for jobs).</summary>
    string Name { get; }

    /// <summary>The office the user works for; module queries are scoped to it.</summary>
    OfficeId? OfficeId { get; }

    /// <summary>Whether the user has the role.</summary>
    bool IsInRole(string role);
}

/// <summary>Marks an entity that belongs to one office; module DbContexts filter such entities to the current user's office.</summary>
public interface IOfficeScoped
{
    /// <summary>The owning office.</summary>
    OfficeId OfficeId { get; }
}
