using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>
/// An interpreter (a user with the Interpreter role) as the pool knows them. One profile serves every office whose pool the
/// interpreter belongs to (<see cref="PoolMembership"/>), so availability and bookings are checked across offices; what an
/// office agreed with them (fee rates) is on that office's membership (ADR 0038).
/// </summary>
internal sealed class InterpreterProfile : IVersioned
{
    private InterpreterProfile()
    {
    }

    public InterpreterProfile(UserId id, string displayName)
    {
        Id = id;
        DisplayName = displayName;
    }

    public UserId Id { get; private set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Contact details: shown to the coordinators of the interpreter's offices only.</summary>
    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>"female", "male", "diverse" or null (not stated).</summary>
    public string? Gender { get; set; }

    private List<LanguageSkill> _languages = [];

    public List<LanguageSkill> Languages
    {
        get => _languages;
        set
        {
            _languages = value;
            LanguageCodes = CodesOf(value);
        }
    }

    /// <summary>
    /// The language codes as "|ar|prs|", kept with <see cref="Languages"/>: matching narrows a large pool in SQL by language
    /// before the full rules run in memory (ADR 0024). Empty for profiles saved before the column existed: those are always
    /// loaded and checked in memory.
    /// </summary>
    public string LanguageCodes { get; private set; } = "";

    public static string CodesOf(IEnumerable<LanguageSkill> languages) =>
        "|" + string.Join("|", languages.Select(l => l.Language.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)) + "|";

    public Modalities Modalities { get; set; } = Modalities.InPerson | Modalities.Phone | Modalities.Video;

    /// <summary>Districts the interpreter travels to for in-person jobs; empty means the whole area.</summary>
    public List<string> Districts { get; set; } = [];

    /// <summary>How far the interpreter travels, for the coordinators' information.</summary>
    public int? TravelRadiusKm { get; set; }

    /// <summary>The most jobs the interpreter takes on one day.</summary>
    public int DailyMaximum { get; set; } = 3;

    /// <summary>Weekly windows (office-local); empty means no fixed hours: available whenever not absent.</summary>
    public List<WeeklySlot> WeeklyAvailability { get; set; } = [];

    public List<Absence> Absences { get; set; } = [];

    /// <summary>When the interpreter last got a job; the fair ranking asks the longest-resting first.</summary>
    public DateTimeOffset? LastAssignedAt { get; private set; }

    /// <summary>
    /// Written (not read) at the start of every accept or assignment of this interpreter, inside its transaction: the write
    /// locks the row (PostgreSQL) or the database (SQLite), so two accepts of one interpreter run one after the other and
    /// the second sees the first's booking in its overlap check (ADR 0018).
    /// </summary>
    public long BookingGuard { get; private set; }

    /// <summary>Secret for the interpreter's calendar feed.</summary>
    public string CalendarToken { get; set; } = "";

    public int Version { get; private set; }

    public LanguageSkill? SkillFor(string language, string? dialect)
    {
        LanguageSkill? best = null;
        foreach (var skill in Languages)
        {
            if (skill.Covers(language, dialect) && (best is null || skill.Qualification > best.Qualification))
            {
                best = skill;
            }
        }

        return best;
    }

    public bool Offers(Modality modality) => modality switch
    {
        Modality.InPerson => Modalities.HasFlag(Modalities.InPerson),
        Modality.Phone => Modalities.HasFlag(Modalities.Phone),
        Modality.Video => Modalities.HasFlag(Modalities.Video),
        _ => false,
    };

    public bool Covers(string? district) =>
        Districts.Count == 0 || string.IsNullOrWhiteSpace(district) || Districts.Contains(district.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the whole job lies in one weekly window on a day without absence. Start and end are in office-local time
    /// (matching converts them once for the whole pool).
    /// </summary>
    public bool IsAvailable(DateTimeOffset localStart, DateTimeOffset localEnd)
    {
        var day = DateOnly.FromDateTime(localStart.DateTime);
        if (Absences.Any(a => a.Covers(day) || a.Covers(DateOnly.FromDateTime(localEnd.DateTime))))
        {
            return false;
        }

        if (WeeklyAvailability.Count == 0)
        {
            return true;
        }

        if (DateOnly.FromDateTime(localEnd.DateTime) != day && localEnd.TimeOfDay != TimeSpan.Zero)
        {
            return false;
        }

        var from = TimeOnly.FromDateTime(localStart.DateTime);
        var to = localEnd.TimeOfDay == TimeSpan.Zero && DateOnly.FromDateTime(localEnd.DateTime) != day
            ? TimeOnly.MaxValue
            : TimeOnly.FromDateTime(localEnd.DateTime);
        return WeeklyAvailability.Any(s => s.Day == localStart.DayOfWeek && s.From <= from && s.To >= to);
    }
}

/// <summary>
/// The interpreter belongs to the office's pool: the office may offer them jobs and its coordinators see their contact details.
/// The fee rates are the office's own terms with the interpreter: another office may pay other rates (ADR 0038). A membership
/// that ended (<see cref="LeftAt"/>) is kept, never deleted: the statement prices the office's past jobs at its rates; every
/// other read of the pool asks for <c>LeftAt == null</c> (ADR 0048).
/// </summary>
internal sealed class PoolMembership : IOfficeScoped, IVersioned
{
    /// <summary>The stored default of <see cref="Fees"/> for rows from before the terms moved here: no fees agreed.</summary>
    public const string NoFeesJson = "{\"hourly\":0,\"travelTimeHourly\":0,\"perKilometre\":0,\"currency\":\"EUR\"}";

    private PoolMembership()
    {
    }

    public PoolMembership(OfficeId officeId, UserId interpreterId, DateTimeOffset since)
    {
        OfficeId = officeId;
        InterpreterId = interpreterId;
        Since = since;
    }

    public OfficeId OfficeId { get; private set; }

    public UserId InterpreterId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    /// <summary>What this office pays the interpreter; the monthly statement prices each job at its office's rates.</summary>
    public FeeRates Fees { get; set; } = FeeRates.None;

    /// <summary>When the interpreter left the pool (or the office took them out); null while the membership lasts.</summary>
    public DateTimeOffset? LeftAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// Ends the membership: the office offers the interpreter no more jobs and no longer sees their profile. The row and its
    /// rates stay for the statement. Leaving a membership that already ended is a conflict, not a second end (ADR 0048).
    /// </summary>
    public Result<Unit> Leave(DateTimeOffset now)
    {
        if (LeftAt is not null)
        {
            return Error.Conflict("membership-ended", "This membership has already ended.");
        }

        LeftAt = now;
        return Unit.Value;
    }

    /// <summary>An accepted invitation of the same office brings the ended membership back, with the rates it had.</summary>
    public void Rejoin() => LeftAt = null;
}

/// <summary>A declared conflict of interest: the interpreter is never offered a job with this client (e.g. a relative or neighbour).</summary>
internal sealed class ConflictOfInterest : IOfficeScoped
{
    private ConflictOfInterest()
    {
    }

    public ConflictOfInterest(OfficeId officeId, UserId interpreterId, Guid clientId, string reason, DateTimeOffset declaredAt)
    {
        Id = Guid.CreateVersion7();
        OfficeId = officeId;
        InterpreterId = interpreterId;
        ClientId = clientId;
        Reason = reason;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public UserId InterpreterId { get; private set; }

    /// <summary>The client (Clients module id); null once the client was anonymised.</summary>
    public Guid? ClientId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset DeclaredAt { get; private set; }

    public void ForgetClient() => ClientId = null;
}
