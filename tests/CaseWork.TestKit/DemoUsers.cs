namespace CaseWork.TestKit;

/// <summary>The demo office's sign-ins as seeded in tests (the host factory fixes the password through <c>Seed:DemoPassword</c>).</summary>
public static class DemoUsers
{
    /// <summary>The password every demo user gets in tests.</summary>
    public const string Password = "Demo-Passwort-2026";

    /// <summary>The demo streetworker.</summary>
    public const string Streetworker = "streetworker@demo.casework.invalid";

    /// <summary>The demo interpreter.</summary>
    public const string Interpreter = "interpreter@demo.casework.invalid";

    /// <summary>The demo supervisor.</summary>
    public const string Supervisor = "supervisor@demo.casework.invalid";

    /// <summary>The demo administrator.</summary>
    public const string Administrator = "administrator@demo.casework.invalid";

    /// <summary>The demo partner-agency contact.</summary>
    public const string Partner = "partner@demo.casework.invalid";
}
