using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>
/// A closed-loop referral of one client to one partner service for one or more of the client's needs. The state machine is
/// the table in <see cref="Allowed"/>; every change is kept in <see cref="History"/> with who and when.
/// </summary>
internal sealed class Referral : IOfficeScoped, IVersioned
{
    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Allowed = new()
    {
        [ReferralStatus.Draft] = [ReferralStatus.Sent, ReferralStatus.Withdrawn],
        [ReferralStatus.Sent] = [ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Waitlisted, ReferralStatus.Withdrawn, ReferralStatus.Expired],
        [ReferralStatus.Waitlisted] = [ReferralStatus.Waitlisted, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.InProgress, ReferralStatus.Withdrawn],
        [ReferralStatus.Accepted] = [ReferralStatus.InProgress, ReferralStatus.Completed, ReferralStatus.Withdrawn],
        [ReferralStatus.InProgress] = [ReferralStatus.Completed, ReferralStatus.Withdrawn],
        [ReferralStatus.Declined] = [],
        [ReferralStatus.Completed] = [],
        [ReferralStatus.Withdrawn] = [],
        [ReferralStatus.Expired] = [],
    };

    private readonly List<ReferralNeed> _needs = [];
    private readonly List<ReferralStatusChange> _history = [];

    private Referral()
    {
        RecipientName = "";
        ServiceType = "";
        SharedCategories = "";
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid ServiceId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The service's name when referred (directory entries change; the referral keeps what was chosen).</summary>
    public string RecipientName { get; private set; }

    public string ServiceType { get; private set; }

    public bool ToPublicBody { get; private set; }

    public UserId WorkerId { get; private set; }

    /// <summary>Comma-separated category codes shared with the agency.</summary>
    public string SharedCategories { get; private set; }

    public ReferralUrgency Urgency { get; private set; }

    public string? Message { get; private set; }

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When the agency first answered (accepted, declined or waitlisted): the end of "waiting for an answer".</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public ReferralOutcome? Outcome { get; private set; }

    public DeclinedBy? DeclinedBy { get; private set; }

    public DeclineReason? DeclineReason { get; private set; }

    public int? WaitlistPosition { get; private set; }

    public DateOnly? WaitlistExpectedOn { get; private set; }

    public Guid? ConsentId { get; private set; }

    public UserId? ConsentOverriddenBy { get; private set; }

    public string? ConsentOverrideReason { get; private set; }

    public bool PublicBodyWarningAcknowledged { get; private set; }

    /// <summary>Set when the consent it relied on was revoked: the agency sees nothing personal any more.</summary>
    public DateTimeOffset? SharingStoppedAt { get; private set; }

    public DateTimeOffset? WorkerRemindedAt { get; private set; }

    /// <summary>SHA-256 of the agency's secret link token (the token itself is only ever in the link).</summary>
    public string? AgencyLinkHash { get; private set; }

    public DateTimeOffset? AgencyLinkExpiresAt { get; private set; }

    public bool IsAnonymised { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ReferralNeed> Needs => _needs;

    public IReadOnlyList<ReferralStatusChange> History => _history;

    public IReadOnlyList<string> SharedCategoryList => SharedCategories.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Waitlisted or ReferralStatus.Accepted or ReferralStatus.InProgress;

    /// <summary>The agency still may see what was shared: not stopped by a revoked consent, not anonymised.</summary>
    public bool SharesPersonalData => SharingStoppedAt is null && !IsAnonymised;

    public static bool IsAllowed(ReferralStatus from, ReferralStatus to) => Allowed[from].Contains(to);

    public static Referral Draft(
        Guid id,
        OfficeId officeId,
        Guid clientId,
        ReferralRecipient recipient,
        IReadOnlyList<ReferralNeed> needs,
        IReadOnlyList<string> sharedCategories,
        ReferralUrgency urgency,
        string? message,
        ReferralActor worker,
        DateTimeOffset at,
        bool publicBodyWarningAcknowledged = false)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(worker);
        var referral = new Referral
        {
            Id = id,
            OfficeId = officeId,
            ClientId = clientId,
            ServiceId = recipient.ServiceId,
            OrganisationId = recipient.OrganisationId,
            RecipientName = recipient.Name,
            ServiceType = recipient.ServiceType,
            ToPublicBody = recipient.IsPublicBody,
            WorkerId = worker.UserId ?? throw new ArgumentException("A referral is drafted by a signed-in worker.", nameof(worker)),
            SharedCategories = string.Join(',', sharedCategories.Distinct(StringComparer.Ordinal)),
            Urgency = urgency,
            Message = message,
            Status = ReferralStatus.Draft,
            PublicBodyWarningAcknowledged = publicBodyWarningAcknowledged,
            CreatedAt = at,
            Version = 1,
        };
        referral._needs.AddRange(needs.Select(n => new ReferralNeed(id, n.NeedId, n.Area)));
        referral._history.Add(new ReferralStatusChange(Guid.CreateVersion7(), id, null, ReferralStatus.Draft, at, worker, null));
        return referral;
    }

    /// <summary>
    /// Changes what a draft says: the recipient (as picked again from the directory), the needs, the categories to share,
    /// urgency, message and the public-body acknowledgement. Only a draft can be edited; no consent is needed for that
    /// (the consent gate decides when it is sent). The edit is kept in the history with who and when.
    /// </summary>
    public Result<Unit> EditDraft(
        ReferralRecipient recipient,
        IReadOnlyList<ReferralNeed> needs,
        IReadOnlyList<string> sharedCategories,
        ReferralUrgency urgency,
        string? message,
        bool publicBodyWarningAcknowledged,
        ReferralActor by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(sharedCategories);
        ArgumentNullException.ThrowIfNull(by);
        if (Status != ReferralStatus.Draft)
        {
            return Error.Conflict("referral-not-draft", "Nur ein Entwurf kann bearbeitet werden; diese Weitervermittlung wurde schon gesendet oder verworfen.");
        }

        Retarget(recipient);
        var wanted = needs.Select(n => n.NeedId).ToHashSet();
        _needs.RemoveAll(n => !wanted.Contains(n.NeedId));
        foreach (var need in needs.Where(n => _needs.All(kept => kept.NeedId != n.NeedId)).DistinctBy(n => n.NeedId))
        {
            _needs.Add(new ReferralNeed(Id, need.NeedId, need.Area));
        }

        SharedCategories = string.Join(',', sharedCategories.Distinct(StringComparer.Ordinal));
        Urgency = urgency;
        Message = Trim(message);
        PublicBodyWarningAcknowledged = publicBodyWarningAcknowledged;
        _history.Add(new ReferralStatusChange(Guid.CreateVersion7(), Id, ReferralStatus.Draft, ReferralStatus.Draft, at, by, HistoryNotes.DraftEdited));
        return Unit.Value;
    }

    /// <summary>A draft takes the recipient as the directory describes it now (name, type, public body), so sending warns as for a new referral.</summary>
    public Result<Unit> Retarget(ReferralRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (Status != ReferralStatus.Draft)
        {
            return Error.Conflict("referral-not-draft", "Nur bei einem Entwurf kann die Stelle noch geändert werden.");
        }

        ServiceId = recipient.ServiceId;
        OrganisationId = recipient.OrganisationId;
        RecipientName = recipient.Name;
        ServiceType = recipient.ServiceType;
        ToPublicBody = recipient.IsPublicBody;
        return Unit.Value;
    }

    /// <summary>Discards a draft: it becomes withdrawn and stays in the history (nothing is deleted). Only a draft can be discarded this way.</summary>
    public Result<Unit> DiscardDraft(ReferralActor by, DateTimeOffset at)
    {
        if (Status != ReferralStatus.Draft)
        {
            return Error.Conflict("referral-not-draft", "Nur ein Entwurf kann verworfen werden; eine gesendete Weitervermittlung wird zurückgezogen.");
        }

        return Withdraw(HistoryNotes.DraftDiscarded, by, at);
    }

    /// <summary>
    /// Sends the referral on the basis the consent gate decided. Anything beyond the minimum to a public body needs the
    /// worker's acknowledgement of the warning; a supervisor override must come from a supervisor.
    /// </summary>
    public Result<Unit> Send(SharingBasis basis, bool publicBodyWarningAcknowledged, ReferralActor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (SharingPolicy.NeedsPublicBodyAcknowledgement(ToPublicBody, SharedCategoryList) && !publicBodyWarningAcknowledged)
        {
            return Error.Validation("PublicBodyWarningAcknowledged",
                "Öffentliche Stellen können zur Weitergabe an die Ausländerbehörde verpflichtet sein (§ 87 AufenthG, § 71 SGB X). Bestätigen Sie den Hinweis oder teilen Sie nur das Nötigste.");
        }

        var moved = Move(ReferralStatus.Sent, by, at, basis.Override is null ? null : HistoryNotes.ConsentOverride);
        if (!moved.IsSuccess)
        {
            return moved;
        }

        SentAt = at;
        ConsentId = basis.ConsentId;
        ConsentOverriddenBy = basis.Override?.SupervisorId;
        ConsentOverrideReason = basis.Override?.Reason;
        PublicBodyWarningAcknowledged = publicBodyWarningAcknowledged;
        return Unit.Value;
    }

    public Result<Unit> Accept(ReferralActor by, DateTimeOffset at)
    {
        var moved = Move(ReferralStatus.Accepted, by, at, null);
        if (moved.IsSuccess)
        {
            AcceptedAt = at;
            AnsweredAt ??= at;
            WaitlistPosition = null;
        }

        return moved;
    }

    public Result<Unit> Decline(DeclinedBy declinedBy, DeclineReason? reason, string? note, ReferralActor by, DateTimeOffset at)
    {
        if (reason is null)
        {
            return Error.Validation("Reason", "Ein Grund für die Ablehnung ist erforderlich.");
        }

        var moved = Move(ReferralStatus.Declined, by, at, Trim(note));
        if (moved.IsSuccess)
        {
            DeclinedBy = declinedBy;
            DeclineReason = reason;
            AnsweredAt ??= at;
            ClosedAt = at;
        }

        return moved;
    }

    public Result<Unit> Waitlist(int position, DateOnly? expectedOn, ReferralActor by, DateTimeOffset at)
    {
        if (position < 1)
        {
            return Error.Validation("Position", "Die Position auf der Warteliste muss mindestens 1 sein.");
        }

        var moved = Move(ReferralStatus.Waitlisted, by, at, HistoryNotes.Waitlisted(position));
        if (moved.IsSuccess)
        {
            WaitlistPosition = position;
            WaitlistExpectedOn = expectedOn;
            AnsweredAt ??= at;
        }

        return moved;
    }

    public Result<Unit> Start(ReferralActor by, DateTimeOffset at)
    {
        var moved = Move(ReferralStatus.InProgress, by, at, null);
        if (moved.IsSuccess)
        {
            // Taken straight off the waiting list counts as accepted then.
            AcceptedAt ??= at;
            WaitlistPosition = null;
        }

        return moved;
    }

    public Result<Unit> Complete(ReferralOutcome? outcome, string? note, ReferralActor by, DateTimeOffset at)
    {
        if (outcome is null)
        {
            return Error.Validation("Outcome", "Ein Ergebnis ist erforderlich.");
        }

        var moved = Move(ReferralStatus.Completed, by, at, Trim(note));
        if (moved.IsSuccess)
        {
            Outcome = outcome;
            ClosedAt = at;
        }

        return moved;
    }

    public Result<Unit> Withdraw(string? note, ReferralActor by, DateTimeOffset at)
    {
        var moved = Move(ReferralStatus.Withdrawn, by, at, Trim(note));
        if (moved.IsSuccess)
        {
            ClosedAt = at;
        }

        return moved;
    }

    /// <summary>The follow-up rule: remind the worker once after the working days, expire after the days (only while unanswered).</summary>
    public FollowUpAction FollowUp(FollowUpPolicy policy, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Status != ReferralStatus.Sent || SentAt is not { } sentAt)
        {
            return FollowUpAction.None;
        }

        if (now >= policy.ExpiryDue(sentAt))
        {
            Move(ReferralStatus.Expired, ReferralActor.System, now, HistoryNotes.NoAnswer);
            ClosedAt = now;
            RevokeAgencyLink();
            return FollowUpAction.Expire;
        }

        if (WorkerRemindedAt is null && now >= policy.ReminderDue(sentAt, zone))
        {
            WorkerRemindedAt = now;
            return FollowUpAction.RemindWorker;
        }

        return FollowUpAction.None;
    }

    /// <summary>Gives the agency a new secret link (only its hash is kept); an older link stops working.</summary>
    public void IssueAgencyLink(string tokenHash, DateTimeOffset expiresAt)
    {
        AgencyLinkHash = tokenHash;
        AgencyLinkExpiresAt = expiresAt;
    }

    public void RevokeAgencyLink()
    {
        AgencyLinkHash = null;
        AgencyLinkExpiresAt = null;
    }

    public bool AgencyLinkValid(string tokenHash, DateTimeOffset now) =>
        AgencyLinkHash is not null
        && AgencyLinkExpiresAt is { } expires
        && now < expires
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(AgencyLinkHash), System.Text.Encoding.ASCII.GetBytes(tokenHash));

    /// <summary>The consent this referral relied on was revoked: stop sharing. The referral itself stays (the agency may still answer).</summary>
    public bool StopSharing(Guid consentId, DateTimeOffset at)
    {
        if (ConsentId != consentId || SharingStoppedAt is not null || !IsOpen && Status != ReferralStatus.Draft)
        {
            return false;
        }

        SharingStoppedAt = at;
        SharedCategories = "";
        _history.Add(new ReferralStatusChange(Guid.CreateVersion7(), Id, Status, Status, at, ReferralActor.System, HistoryNotes.ConsentRevoked));
        return true;
    }

    /// <summary>The client was anonymised: drop free text and the link, keep what counts (status, dates, type, outcome).</summary>
    public void Anonymise()
    {
        IsAnonymised = true;
        Message = null;
        RevokeAgencyLink();
        foreach (var change in _history)
        {
            change.DropNote();
        }
    }

    private Result<Unit> Move(ReferralStatus to, ReferralActor by, DateTimeOffset at, string? note)
    {
        if (!IsAllowed(Status, to))
        {
            return Error.Conflict("referral-transition",
                $"Eine Weitervermittlung im Status „{ReferralCodes.Code(Status)}“ kann nicht in „{ReferralCodes.Code(to)}“ wechseln.");
        }

        _history.Add(new ReferralStatusChange(Guid.CreateVersion7(), Id, Status, to, at, by, note));
        Status = to;
        return Unit.Value;
    }

    private static string? Trim(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

/// <summary>The service a referral goes to, as picked from the directory.</summary>
internal sealed record ReferralRecipient(Guid ServiceId, Guid OrganisationId, string Name, string ServiceType, bool IsPublicBody);

/// <summary>A need of the client the referral is for; the area is kept for the statistics by need.</summary>
internal sealed class ReferralNeed
{
    public ReferralNeed(Guid referralId, Guid needId, string area)
    {
        ReferralId = referralId;
        NeedId = needId;
        Area = area;
    }

    public Guid ReferralId { get; private set; }

    public Guid NeedId { get; private set; }

    public string Area { get; private set; }
}

/// <summary>
/// The notes the module itself writes into a referral's history (stored as these English codes, shown in the reader's
/// language); anything else in <see cref="ReferralStatusChange.Note"/> is what a person wrote.
/// </summary>
internal static class HistoryNotes
{
    public const string DraftEdited = "draft edited";
    public const string DraftDiscarded = "draft discarded";
    public const string ConsentOverride = "consent override";
    public const string NoAnswer = "no answer";
    public const string ConsentRevoked = "consent revoked: sharing stopped";
    private const string PositionPrefix = "position ";

    public static string Waitlisted(int position) => PositionPrefix + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The waiting-list position a <see cref="Waitlisted(int)"/> note records, or null for any other note.</summary>
    public static int? PositionOf(string? note) =>
        note is not null && note.StartsWith(PositionPrefix, StringComparison.Ordinal)
        && int.TryParse(note.AsSpan(PositionPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            ? position
            : null;
}

/// <summary>One change of a referral's status (or of its sharing), with who and when.</summary>
internal sealed class ReferralStatusChange
{
    public ReferralStatusChange(Guid id, Guid referralId, ReferralStatus? from, ReferralStatus to, DateTimeOffset at, ReferralActor by, string? note)
    {
        ArgumentNullException.ThrowIfNull(by);
        Id = id;
        ReferralId = referralId;
        From = from;
        To = to;
        At = at;
        ActorKind = by.Kind;
        ActorUserId = by.UserId;
        ActorName = by.Name;
        Note = note;
    }

    private ReferralStatusChange()
    {
        ActorName = "";
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public ReferralStatus? From { get; private set; }

    public ReferralStatus To { get; private set; }

    public DateTimeOffset At { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public UserId? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public string? Note { get; private set; }

    public void DropNote() => Note = null;
}
