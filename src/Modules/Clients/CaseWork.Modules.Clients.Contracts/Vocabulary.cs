namespace CaseWork.Modules.Clients.Contracts;

/// <summary>The data categories a consent can release, as stored and as named in events and queries.</summary>
public static class ConsentDataCategories
{
    /// <summary>Name, date of birth, nationality.</summary>
    public const string Identity = "identity";

    /// <summary>Phone, email, address.</summary>
    public const string ContactDetails = "contact";

    /// <summary>Residence status and its documents.</summary>
    public const string ResidenceStatus = "residence";

    /// <summary>Needs and problem areas recorded in the case file.</summary>
    public const string Needs = "needs";

    /// <summary>Income, debts, benefits.</summary>
    public const string Finances = "finances";

    /// <summary>Health information (special category, art. 9 GDPR).</summary>
    public const string Health = "health";

    /// <summary>Household and family members.</summary>
    public const string Family = "family";

    /// <summary>Notes from the case file.</summary>
    public const string CaseNotes = "case_notes";

    /// <summary>Every category, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Identity, ContactDetails, ResidenceStatus, Needs, Finances, Health, Family, CaseNotes];
}

/// <summary>The problem areas a case file records needs in.</summary>
public static class NeedAreas
{
    /// <summary>Housing.</summary>
    public const string Housing = "housing";

    /// <summary>Debts.</summary>
    public const string Debts = "debts";

    /// <summary>Residence status.</summary>
    public const string ResidenceStatus = "residence_status";

    /// <summary>Work and training.</summary>
    public const string WorkAndTraining = "work_training";

    /// <summary>Health.</summary>
    public const string Health = "health";

    /// <summary>Language.</summary>
    public const string Language = "language";

    /// <summary>School and childcare.</summary>
    public const string SchoolAndChildcare = "school_childcare";

    /// <summary>Family.</summary>
    public const string Family = "family";

    /// <summary>Benefits.</summary>
    public const string Benefits = "benefits";

    /// <summary>Anything else.</summary>
    public const string Other = "other";

    /// <summary>Every area, in display order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Housing, Debts, ResidenceStatus, WorkAndTraining, Health, Language, SchoolAndChildcare, Family, Benefits, Other];
}

/// <summary>How a client agreed to be reminded of appointments.</summary>
public enum ReminderChannelKind
{
    /// <summary>Not to be reminded (or no channel agreed).</summary>
    None = 0,

    /// <summary>Text message to a mobile number.</summary>
    Sms = 1,

    /// <summary>Email.</summary>
    Email = 2,

    /// <summary>A messenger; the worker sends the prepared text by hand.</summary>
    Messenger = 3,

    /// <summary>Told via the office or the shared housing; the worker passes the prepared text on.</summary>
    ViaOffice = 4,
}
