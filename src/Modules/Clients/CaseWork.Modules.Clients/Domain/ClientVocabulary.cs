namespace CaseWork.Modules.Clients.Domain;

/// <summary>Whether a client record is in use, merged into another record or anonymised.</summary>
internal enum ClientState
{
    Active,
    Merged,
    Anonymised,
}

/// <summary>How well a client speaks a language.</summary>
internal enum LanguageLevel
{
    Native,
    Fluent,
    Basic,
}

/// <summary>A way to reach a client.</summary>
internal enum ContactChannelKind
{
    Phone,
    Messenger,
    Email,
    PostalAddress,
    ViaOffice,
    ViaSharedHousing,
}

/// <summary>The residence status as the papers state it (German terms in the comments).</summary>
internal enum ResidenceStatusKind
{
    Unknown,

    /// <summary>Aufenthaltsgestattung (asylum procedure pending).</summary>
    PermissionToStay,

    /// <summary>Duldung.</summary>
    Toleration,

    /// <summary>Aufenthaltserlaubnis.</summary>
    ResidencePermit,

    /// <summary>Niederlassungserlaubnis.</summary>
    SettlementPermit,

    /// <summary>EU citizen (Freizügigkeit).</summary>
    EuFreedomOfMovement,

    /// <summary>Temporary protection (§ 24 AufenthG, e.g. Ukraine).</summary>
    TemporaryProtection,

    German,
    Other,
}

/// <summary>Where the client lives.</summary>
internal enum HousingSituation
{
    Unknown,
    SharedHousing,
    OwnFlat,
    WithFamilyOrFriends,
    EmergencyShelter,
    Homeless,
    Other,
}

/// <summary>The kinds of note on a case file's timeline.</summary>
internal enum NoteType
{
    Conversation,
    PhoneCall,
    HomeVisit,
    Accompaniment,
    OutreachContact,
    DocumentReceived,
    Other,
}

/// <summary>Where an outreach worker met someone.</summary>
internal enum PlaceKind
{
    SharedHousing,
    Street,
    Office,
    Other,
}

/// <summary>A need's progress.</summary>
internal enum NeedStatus
{
    Open,
    InProgress,
    Resolved,
    Referred,
}

/// <summary>Kinds of dates that must not pass unnoticed.</summary>
internal enum ImportantDateKind
{
    ResidencePermitExpiry,
    CourtDate,
    ObjectionDeadline,
    AppointmentAtAuthority,
    Other,
}

/// <summary>How a consent was given.</summary>
internal enum ConsentForm
{
    Written,
    Oral,
}

/// <summary>Why a case file was closed.</summary>
internal enum ClosingReason
{
    GoalsAchieved,
    ReferredElsewhere,
    MovedAway,
    NoLongerReachable,
    ClientEndedCounselling,
    MergedIntoOtherRecord,
    Other,
}

/// <summary>Wire names of the enums above where other modules see them.</summary>
internal static class NeedStatusNames
{
    public static string Of(NeedStatus status) => status switch
    {
        NeedStatus.Open => "open",
        NeedStatus.InProgress => "in_progress",
        NeedStatus.Resolved => "resolved",
        NeedStatus.Referred => "referred",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
