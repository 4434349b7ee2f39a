using Microsoft.AspNetCore.Identity;

namespace CaseWork.Host.Identity;

/// <summary>A person who signs in to CaseWork; belongs to one office.</summary>
internal sealed class CaseWorkUser : IdentityUser<Guid>
{
    /// <summary>The office the user works for (interpreters: the office that registered them).</summary>
    public Guid OfficeId { get; set; }

    /// <summary>The name shown in the layout and recorded in the audit trail.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The user's preferred interface language ("de" or "en").</summary>
    public string PreferredCulture { get; set; } = "de";

    /// <summary>When the user last signed in (null: never, or before this was recorded); shown to the office's administrators.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>A CaseWork role (see <see cref="BuildingBlocks.Identity.Roles"/>).</summary>
internal sealed class CaseWorkRole : IdentityRole<Guid>
{
    public CaseWorkRole()
    {
    }

    public CaseWorkRole(string name)
        : base(name)
    {
    }
}

/// <summary>A counselling office (Streetwork-/Integrationsberatungsstelle).</summary>
internal sealed class Office
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>IANA time zone used for display and for rules like "24 hours before".</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Whether this is the seeded demo office.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An ASP.NET Core Data Protection key, kept in the database so every host instance shares it.</summary>
internal sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
