using System.Security.Cryptography;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>Where a request stands.</summary>
internal enum RequestState
{
    /// <summary>Nobody asked yet (no match so far).</summary>
    Open = 0,

    /// <summary>Offers are out.</summary>
    Offered = 1,

    /// <summary>An interpreter accepted or was assigned.</summary>
    Filled = 2,

    /// <summary>Nobody accepted by the deadline.</summary>
    Unfilled = 3,

    /// <summary>The occasion was cancelled.</summary>
    Cancelled = 4,
}

/// <summary>
/// A need for an interpreter at one time and place: from an appointment, or entered by a worker. It knows the clients only by
/// id and the subject only coarsely. Offers go out in tiers; the first accept fills it.
/// </summary>
internal sealed class InterpreterRequest : IOfficeScoped, IVersioned
{
    private InterpreterRequest()
    {
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public Guid? AppointmentId { get; private set; }

    /// <summary>Clients taking part (Clients module ids): for exclusions and initials; emptied when a client is anonymised.</summary>
    public List<Guid> ClientIds { get; private set; } = [];

    public string Language { get; private set; } = "";

    public string? Dialect { get; private set; }

    public Modality Modality { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    /// <summary>Address or room (in person), or dial-in/link (phone, video).</summary>
    public string? Place { get; private set; }

    public string? District { get; private set; }

    public SubjectArea SubjectArea { get; private set; }

    public string? PreferredGender { get; private set; }

    /// <summary>Notes for the interpreter; never case details.</summary>
    public string? Notes { get; private set; }

    public bool Urgent { get; private set; }

    public RequestState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public UserId? CreatedBy { get; private set; }

    /// <summary>The worker to contact about the job.</summary>
    public UserId? ContactWorkerId { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    /// <summary>Offer round: a reschedule of an unfilled request starts a new round, in which everybody may be asked again.</summary>
    public int Round { get; private set; }

    public int CurrentTier { get; private set; }

    public DateTimeOffset? TierStartedAt { get; private set; }

    public DateTimeOffset? FilledAt { get; private set; }

    public UserId? InterpreterId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why the request was cancelled (the appointment's reason, or the worker's); no case details.</summary>
    public string? CancellationReason { get; private set; }

    public List<Offer> Offers { get; private set; } = [];

    public int Version { get; private set; }

    public TimeSpan Duration => End - Start;

    /// <summary>
    /// The longest a job may last, as long as the longest appointment (Appointments' <c>Appointment.LongestDuration</c>).
    /// Because no booking outlasts it, "bookings overlapping a period" is a narrow range of the end index (ADR 0050).
    /// </summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromHours(24);

    private static void EnsureDuration(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("A job ends after it starts.", nameof(end));
        }

        if (end - start > LongestDuration)
        {
            throw new ArgumentException("A job lasts at most 24 hours.", nameof(end));
        }
    }

    public JobNeed Need => new(Id, Language, Dialect, Modality, Start, End, District, PreferredGender);

    public IEnumerable<Offer> PendingOffers => Offers.Where(o => o.State == OfferState.Pending);

    public static InterpreterRequest Create(
        OfficeId office,
        Guid? appointmentId,
        IEnumerable<Guid> clientIds,
        string language,
        string? dialect,
        Modality modality,
        DateTimeOffset start,
        DateTimeOffset end,
        string? place,
        string? district,
        SubjectArea subjectArea,
        string? preferredGender,
        string? notes,
        UserId? createdBy,
        UserId? contactWorker,
        BookingPolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsureDuration(start, end);
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();
        var urgent = policy.IsUrgent(now, start);
        return new InterpreterRequest
        {
            Id = Guid.CreateVersion7(),
            OfficeId = office,
            AppointmentId = appointmentId,
            ClientIds = clientIds.Distinct().ToList(),
            Language = language,
            Dialect = string.IsNullOrWhiteSpace(dialect) ? null : dialect.Trim(),
            Modality = modality,
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            Place = place,
            District = string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
            SubjectArea = subjectArea,
            PreferredGender = string.IsNullOrWhiteSpace(preferredGender) ? null : preferredGender.Trim().ToLowerInvariant(),
            Notes = notes,
            Urgent = urgent,
            State = RequestState.Open,
            CreatedAt = now,
            CreatedBy = createdBy,
            ContactWorkerId = contactWorker ?? createdBy,
            Deadline = policy.FillDeadline(now, start, urgent),
        };
    }

    public bool IsOpenForOffers => State is RequestState.Open or RequestState.Offered;

    /// <summary>Whether the current tier had its window, or nobody in it can still accept.</summary>
    public bool TierIsOver(DateTimeOffset now, BookingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return TierStartedAt is null
               || now >= TierStartedAt.Value + policy.TierWindow(Urgent)
               || !Offers.Any(o => o.Round == Round && o.Tier == CurrentTier && o.State == OfferState.Pending);
    }

    /// <summary>Offers the job to the next <see cref="BookingPolicy.TierSize"/> ranked interpreters not yet asked in this round.</summary>
    public IReadOnlyList<Offer> OfferNextTier(IReadOnlyList<RankedInterpreter> ranked, BookingPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(policy);
        if (!IsOpenForOffers)
        {
            return [];
        }

        var asked = Offers.Where(o => o.Round == Round).Select(o => o.InterpreterId).ToHashSet();
        var next = ranked.Where(r => !asked.Contains(r.InterpreterId)).Take(policy.TierSize).ToList();
        if (next.Count == 0)
        {
            return [];
        }

        CurrentTier++;
        TierStartedAt = now;
        State = RequestState.Offered;
        var offers = next.Select(r => new Offer(this, r, CurrentTier, now)).ToList();
        Offers.AddRange(offers);
        return offers;
    }

    /// <summary>The first accept fills the request; every other pending offer is withdrawn at once.</summary>
    public Result<Offer> Accept(Guid offerId, UserId interpreter, DateTimeOffset now)
    {
        var offer = Offers.FirstOrDefault(o => o.Id == offerId && o.InterpreterId == interpreter);
        if (offer is null)
        {
            return Error.NotFound("offer-not-found", "There is no such offer.");
        }

        if (offer.State != OfferState.Pending || State != RequestState.Offered)
        {
            return Error.Conflict("offer-no-longer-open", "This job is no longer open: it was taken by someone else, withdrawn or given up.");
        }

        offer.Respond(OfferState.Accepted, null, now);
        Fill(interpreter, now);
        return offer;
    }

    public Result<Offer> Decline(Guid offerId, UserId interpreter, string reason, DateTimeOffset now)
    {
        var offer = Offers.FirstOrDefault(o => o.Id == offerId && o.InterpreterId == interpreter);
        if (offer is null)
        {
            return Error.NotFound("offer-not-found", "There is no such offer.");
        }

        if (offer.State != OfferState.Pending)
        {
            return Error.Conflict("offer-no-longer-open", "This offer was already answered, withdrawn or has expired.");
        }

        offer.Respond(OfferState.Declined, reason, now);
        return offer;
    }

    /// <summary>A coordinator books an interpreter without an offer round; pending offers are withdrawn.</summary>
    public Result<Unit> Assign(UserId interpreter, DateTimeOffset now)
    {
        if (!IsOpenForOffers && State != RequestState.Unfilled)
        {
            return Error.Conflict("request-not-open", "The request is already filled or cancelled.");
        }

        var own = Offers.FirstOrDefault(o => o.Round == Round && o.InterpreterId == interpreter && o.State == OfferState.Pending);
        own?.Respond(OfferState.Accepted, "assigned", now);
        Fill(interpreter, now);
        return Unit.Value;
    }

    private void Fill(UserId interpreter, DateTimeOffset now)
    {
        State = RequestState.Filled;
        InterpreterId = interpreter;
        FilledAt = now;
        foreach (var pending in PendingOffers.ToList())
        {
            pending.Respond(OfferState.Withdrawn, null, now);
        }
    }

    /// <summary>Nobody accepted by the deadline: the request is given up and pending offers expire.</summary>
    public bool GiveUpIfDue(DateTimeOffset now)
    {
        if (!IsOpenForOffers || now < Deadline)
        {
            return false;
        }

        State = RequestState.Unfilled;
        ClosedAt = now;
        foreach (var pending in PendingOffers.ToList())
        {
            pending.Respond(OfferState.Expired, null, now);
        }

        return true;
    }

    /// <summary>
    /// The occasion moved. A filled request keeps its interpreter, who must reconfirm (the booking handles that); an unfilled
    /// one withdraws its offers and starts a new round for the new time.
    /// </summary>
    public void Reschedule(DateTimeOffset start, DateTimeOffset end, string? place, Modality modality, BookingPolicy policy, DateTimeOffset now, string? district = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsureDuration(start, end);
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
        Place = place;
        District = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        Modality = modality;
        Urgent = policy.IsUrgent(now, start);
        if (State == RequestState.Filled)
        {
            return;
        }

        foreach (var pending in PendingOffers.ToList())
        {
            pending.Respond(OfferState.Withdrawn, null, now);
        }

        if (State is RequestState.Cancelled)
        {
            return;
        }

        State = RequestState.Open;
        ClosedAt = null;
        Round++;
        CurrentTier = 0;
        TierStartedAt = null;
        Deadline = policy.FillDeadline(now, start, Urgent);
    }

    /// <summary>Whether a worker may change this request here: entered by hand (not from an appointment) and nobody accepted yet.</summary>
    public bool IsEditable => AppointmentId is null && State is RequestState.Open or RequestState.Offered or RequestState.Unfilled;

    /// <summary>
    /// A worker changes a hand-entered request nobody has accepted yet (ADR 0036). A change that alters who matches (language,
    /// dialect, modality, time, district, gender) withdraws the pending offers and starts a new round, in which everybody may
    /// be asked again; place, subject and notes change without a new round. Returns whether a new round started.
    /// </summary>
    public Result<bool> Edit(
        string language,
        string? dialect,
        Modality modality,
        DateTimeOffset start,
        DateTimeOffset end,
        string? place,
        string? district,
        SubjectArea subjectArea,
        string? preferredGender,
        string? notes,
        BookingPolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (AppointmentId is not null)
        {
            return Error.Conflict("request-from-appointment", "This request belongs to an appointment: change the appointment instead.");
        }

        if (!IsEditable)
        {
            return Error.Conflict("request-not-editable", "An interpreter has accepted, or the request was cancelled: it can no longer be changed.");
        }

        if (end <= start)
        {
            return Error.Validation("durationMinutes", "A job ends after it starts.");
        }

        if (end - start > LongestDuration)
        {
            return Error.Validation("durationMinutes", "A job lasts at most 24 hours.");
        }

        dialect = string.IsNullOrWhiteSpace(dialect) ? null : dialect.Trim();
        district = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        preferredGender = string.IsNullOrWhiteSpace(preferredGender) ? null : preferredGender.Trim().ToLowerInvariant();
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();
        var rematch = !string.Equals(Language, language, StringComparison.Ordinal)
                      || !string.Equals(Dialect, dialect, StringComparison.OrdinalIgnoreCase)
                      || Modality != modality
                      || Start != start
                      || End != end
                      || !string.Equals(District, district, StringComparison.OrdinalIgnoreCase)
                      || !string.Equals(PreferredGender, preferredGender, StringComparison.Ordinal);
        Language = language;
        Dialect = dialect;
        Modality = modality;
        Start = start;
        End = end;
        Place = place;
        District = district;
        SubjectArea = subjectArea;
        PreferredGender = preferredGender;
        Notes = notes;
        if (!rematch)
        {
            return false;
        }

        foreach (var pending in PendingOffers.ToList())
        {
            pending.Respond(OfferState.Withdrawn, null, now);
        }

        State = RequestState.Open;
        ClosedAt = null;
        Round++;
        CurrentTier = 0;
        TierStartedAt = null;
        Urgent = policy.IsUrgent(now, Start);
        Deadline = policy.FillDeadline(now, Start, Urgent);
        return true;
    }

    /// <summary>The booked interpreter is out (declined to reconfirm, or the booking was withdrawn): ask the pool again.</summary>
    public void Reopen(BookingPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        State = RequestState.Open;
        InterpreterId = null;
        FilledAt = null;
        CurrentTier = 0;
        TierStartedAt = null;
        Round++;
        Urgent = policy.IsUrgent(now, Start);
        Deadline = policy.FillDeadline(now, Start, Urgent);
    }

    public bool Cancel(DateTimeOffset now, string? reason = null)
    {
        if (State == RequestState.Cancelled)
        {
            return false;
        }

        CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

        foreach (var pending in PendingOffers.ToList())
        {
            pending.Respond(OfferState.Withdrawn, null, now);
        }

        State = RequestState.Cancelled;
        ClosedAt = now;
        return true;
    }

    /// <summary>The appointment's clients changed: later offer rounds check conflicts of interest against these.</summary>
    public void ReplaceClients(IEnumerable<Guid> clientIds) => ClientIds = [.. clientIds.Distinct()];

    /// <summary>
    /// Interpreters who may no longer do this job (a client's exclusion or a declared conflict of interest, found after they
    /// were asked): their pending offers are withdrawn. Whether the booked interpreter is one of them is for the caller to
    /// act on (<see cref="BookedInterpreterIsAmong"/>).
    /// </summary>
    public IReadOnlyList<Offer> WithdrawOffersTo(IReadOnlySet<UserId> excluded, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        var withdrawn = PendingOffers.Where(o => excluded.Contains(o.InterpreterId)).ToList();
        foreach (var offer in withdrawn)
        {
            offer.Respond(OfferState.Withdrawn, null, now);
        }

        return withdrawn;
    }

    public bool BookedInterpreterIsAmong(IReadOnlySet<UserId> excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        return State == RequestState.Filled && InterpreterId is { } booked && excluded.Contains(booked);
    }

    public void ForgetClient(Guid clientId)
    {
        ClientIds.Remove(clientId);
        ClientIds = [.. ClientIds];
    }
}

/// <summary>Where an offer stands.</summary>
internal enum OfferState
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
    Expired = 4,
}

/// <summary>One interpreter asked to take a request, with the ranking that put them in this tier.</summary>
internal sealed class Offer
{
    private Offer()
    {
    }

    public Offer(InterpreterRequest request, RankedInterpreter ranked, int tier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ranked);
        Id = Guid.CreateVersion7();
        RequestId = request.Id;
        OfficeId = request.OfficeId;
        InterpreterId = ranked.InterpreterId;
        Round = request.Round;
        Tier = tier;
        Rank = ranked.Rank;
        Qualification = ranked.Qualification;
        LastAssignedAtWhenOffered = ranked.LastAssignedAt;
        OfferedAt = now;
        State = OfferState.Pending;
        LinkToken = NewToken();
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public UserId InterpreterId { get; private set; }

    public int Round { get; private set; }

    public int Tier { get; private set; }

    /// <summary>Position in the fair ranking when offered; with the two facts below it is the ranking's explanation.</summary>
    public int Rank { get; private set; }

    public Qualification Qualification { get; private set; }

    public DateTimeOffset? LastAssignedAtWhenOffered { get; private set; }

    public DateTimeOffset OfferedAt { get; private set; }

    public OfferState State { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>Secret for the accept/decline link in the notification email (the link works without signing in).</summary>
    public string LinkToken { get; private set; } = "";

    internal void Respond(OfferState state, string? reason, DateTimeOffset now)
    {
        State = state;
        DeclineReason = state == OfferState.Declined ? reason : DeclineReason;
        RespondedAt = now;
    }

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
