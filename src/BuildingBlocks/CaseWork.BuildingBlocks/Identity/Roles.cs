namespace CaseWork.BuildingBlocks.Identity;

/// <summary>The roles of CaseWork, as stored in the identity store.</summary>
public static class Roles
{
    /// <summary>Streetworker / counsellor (Berater*in).</summary>
    public const string Streetworker = "Streetworker";

    /// <summary>Interpreter (Sprachmittler*in).</summary>
    public const string Interpreter = "Interpreter";

    /// <summary>Supervisor (Teamleitung).</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Administrator: offices, users, settings; no case content.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Contact at a partner agency: sees and answers the referrals sent to their organisation, nothing else.</summary>
    public const string Partner = "Partner";

    /// <summary>All roles, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Streetworker, Interpreter, Supervisor, Administrator, Partner];
}
