using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>What a notification to an interpreter is about.</summary>
internal enum NotificationKind
{
    Offer = 0,
    Changed = 1,
    Cancelled = 2,

    /// <summary>An office invites the addressee into its pool (ADR 0038); about the invitation, not a request.</summary>
    Invitation = 3,

    /// <summary>An office took the interpreter out of its pool (ADR 0048); about the membership, not a request.</summary>
    RemovedFromPool = 4,
}

/// <summary>Where a notification stands.</summary>
internal enum NotificationState
{
    /// <summary>Waiting for the sweep (first attempt).</summary>
    Pending = 0,

    Sent = 1,

    /// <summary>An attempt failed; the next is at <see cref="InterpreterNotification.NextAttemptAt"/> (none after the last attempt).</summary>
    Failed = 2,

    /// <summary>Neither the profile nor the account has an email address.</summary>
    NoAddress = 3,
}

/// <summary>
/// One email to an interpreter (an offer with its link, a moved job, a cancellation, an invitation into a pool, being taken
/// out of one), written in the same unit of work as the change it reports and sent by a sweep after the commit (ADR 0036):
/// a change that is rolled back sends nothing, a mail server that is down is tried again (after 1, 4, 16 and 64 minutes)
/// and the last error is kept.
/// </summary>
internal sealed class InterpreterNotification : IOfficeScoped
{
    public const int MaxAttempts = 5;

    private InterpreterNotification()
    {
    }

    public InterpreterNotification(OfficeId office, UserId interpreter, Guid requestId, NotificationKind kind, string? address, string subject, string body, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        OfficeId = office;
        InterpreterId = interpreter;
        RequestId = requestId;
        Kind = kind;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Subject = subject;
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
        State = NotificationState.Pending;
    }

    /// <summary>
    /// The mail inviting <paramref name="invitation"/>'s address into the office's pool. An invitation is addressed to an
    /// address, not to an account the office may see (ADR 0038), so the row names no interpreter (an empty id) and always
    /// carries the address; <see cref="RequestId"/> holds the invitation's id.
    /// </summary>
    public static InterpreterNotification ForInvitation(PoolInvitation invitation, string subject, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new InterpreterNotification(invitation.OfficeId, default, invitation.Id, NotificationKind.Invitation, invitation.Email, subject, body, now);
    }

    /// <summary>
    /// The mail telling an interpreter that <paramref name="membership"/>'s office took them out of its pool. The office and
    /// the interpreter name the membership, so <see cref="RequestId"/> is empty. Without an address the account's is looked
    /// up when sending, as for any interpreter's mail.
    /// </summary>
    public static InterpreterNotification ForRemoval(PoolMembership membership, string? address, string subject, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return new InterpreterNotification(membership.OfficeId, membership.InterpreterId, Guid.Empty, NotificationKind.RemovedFromPool, address, subject, body, now);
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    /// <summary>The interpreter's account; empty for an <see cref="NotificationKind.Invitation"/>.</summary>
    public UserId InterpreterId { get; private set; }

    /// <summary>The request the mail is about; for an <see cref="NotificationKind.Invitation"/>, the invitation; empty for a <see cref="NotificationKind.RemovedFromPool"/>.</summary>
    public Guid RequestId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The profile's address when written; empty: the account's address is looked up when sending.</summary>
    public string? Address { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the sweep tries (again); null once nothing is left to try.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public NotificationState State { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public void MarkSent(string address, DateTimeOffset now)
    {
        Attempts++;
        Address = address;
        State = NotificationState.Sent;
        SentAt = now;
        NextAttemptAt = null;
        ClaimToken = null;
        ClaimedUntil = null;
    }

    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        State = NotificationState.Failed;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = Attempts >= MaxAttempts ? null : now + TimeSpan.FromMinutes(Math.Pow(4, Attempts - 1));
        ClaimToken = null;
        ClaimedUntil = null;
    }

    public void MarkNoAddress()
    {
        State = NotificationState.NoAddress;
        NextAttemptAt = null;
        ClaimToken = null;
        ClaimedUntil = null;
    }
}
