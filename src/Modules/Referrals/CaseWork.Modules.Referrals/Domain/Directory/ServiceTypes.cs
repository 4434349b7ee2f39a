namespace CaseWork.Modules.Referrals.Domain.Directory;

/// <summary>The kinds of partner service, as stored, exported (HSDS extension field) and published in <c>ReferralSent</c>.</summary>
internal static class ServiceTypes
{
    public const string JobCentre = "job_centre";
    public const string ImmigrationOffice = "immigration_office";
    public const string DebtCounselling = "debt_counselling";
    public const string MigrationCounselling = "migration_counselling";
    public const string PsychosocialCentre = "psychosocial_centre";
    public const string LanguageCourse = "language_course";
    public const string HousingHelp = "housing_help";
    public const string ConsumerAdvice = "consumer_advice";
    public const string Doctor = "doctor";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [JobCentre, ImmigrationOffice, DebtCounselling, MigrationCounselling, PsychosocialCentre, LanguageCourse, HousingHelp, ConsumerAdvice, Doctor, Other];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    /// <summary>German label (the text key; English comes from the module resource).</summary>
    public static string LabelDe(string type) => type switch
    {
        JobCentre => "Jobcenter",
        ImmigrationOffice => "Ausländerbehörde",
        DebtCounselling => "Schuldnerberatung",
        MigrationCounselling => "Migrationsberatung",
        PsychosocialCentre => "Psychosoziales Zentrum",
        LanguageCourse => "Sprachkurs",
        HousingHelp => "Wohnungshilfe",
        ConsumerAdvice => "Verbraucherberatung",
        Doctor => "Ärztin/Arzt",
        _ => "Sonstiges",
    };

    /// <summary>Which need areas (Clients' <c>NeedAreas</c>) a service type usually serves; directory search by need uses it.</summary>
    public static IReadOnlyList<string> ForNeed(string needArea) => needArea switch
    {
        "housing" => [HousingHelp],
        "debts" => [DebtCounselling, ConsumerAdvice],
        "residence_status" => [ImmigrationOffice, MigrationCounselling],
        "work_training" => [JobCentre, MigrationCounselling],
        "health" => [Doctor, PsychosocialCentre],
        "language" => [LanguageCourse],
        "benefits" => [JobCentre, MigrationCounselling],
        "family" => [MigrationCounselling, PsychosocialCentre],
        "school_childcare" => [MigrationCounselling],
        _ => [Other, MigrationCounselling],
    };
}
