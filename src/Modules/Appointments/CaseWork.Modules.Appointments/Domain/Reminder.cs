using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>How a reminder reaches its recipient.</summary>
internal enum ReminderChannel
{
    /// <summary>No channel: nothing is sent.</summary>
    None = 0,
    Email = 1,
    Sms = 2,

    /// <summary>The worker sends the prepared text by hand (messenger); listed on the outgoing messages page.</summary>
    Manual = 3,
}

/// <summary>scheduled → sent | failed (retried with back-off) | skipped | cancelled.</summary>
internal enum ReminderState
{
    Scheduled = 0,
    Sent = 1,
    Failed = 2,
    Skipped = 3,
    Cancelled = 4,
}

internal enum SkipReason
{
    NoConsentedChannel = 0,
    OptedOut = 1,
    TooClose = 2,
    QuietHours = 3,
    ClientAnonymised = 4,
}

/// <summary>What a reminder is about.</summary>
internal enum ReminderPurpose
{
    /// <summary>To a client: the appointment is coming up.</summary>
    ClientReminder = 0,

    /// <summary>To a client who was already reminded: the appointment is off.</summary>
    ClientCancellation = 1,

    /// <summary>To a worker: an interpreter is still missing.</summary>
    InterpreterMissing = 2,

    /// <summary>To a worker, each morning: their appointments of the day (one per worker and day; see ADR 0022).</summary>
    DayAhead = 3,
}

/// <summary>
/// One message to send at a due time: a row the sweep claims, sends and marks. It carries its text, rendered when planned
/// (and re-rendered when the appointment moves), so the outgoing messages page shows exactly what goes out.
/// </summary>
internal sealed class Reminder : IOfficeScoped
{
    public const int MaxAttempts = 5;

    private Reminder()
    {
        Address = "";
        Language = "de";
        Body = "";
        Subject = "";
        OffsetCode = "";
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public AppointmentId AppointmentId { get; private set; }

    /// <summary>The client reminded (null for staff reminders or once the client is anonymised).</summary>
    public Guid? ClientId { get; private set; }

    public UserId? WorkerId { get; private set; }

    public ReminderPurpose Purpose { get; private set; }

    public string OffsetCode { get; private set; }

    public ReminderChannel Channel { get; private set; }

    public string Address { get; private set; }

    public string Language { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    /// <summary>When it was planned to go out (moves with the appointment).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When the sweep may (next) try; null once there is nothing left to try.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public ReminderState State { get; private set; }

    public SkipReason? SkipReason { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>
    /// The manual channel (messenger, via the office): when a worker said they sent the text by hand, and who. The sweep
    /// only hands such a message over (<see cref="ReminderState.Sent"/> = handed to the worker); this is the sending.
    /// </summary>
    public DateTimeOffset? SentByHandAt { get; private set; }

    public UserId? SentByHandBy { get; private set; }

    /// <summary>Whether a message for the worker to send by hand is waiting for them.</summary>
    public bool AwaitsSendingByHand => Channel == ReminderChannel.Manual && State == ReminderState.Sent && SentByHandAt is null;

        /// <summary>Which sweep run holds the row, until <see cref="ClaimedUntil"/>; see ADR 0014.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public static Reminder Plan(
        OfficeId office, AppointmentId appointment, ReminderPurpose purpose, string offsetCode, Guid? client, UserId? worker,
        ReminderChannel channel, string address, string language, ReminderText text, ReminderTiming timing, SkipReason? skipped)
    {
        var reminder = new Reminder
        {
            Id = Guid.CreateVersion7(),
            OfficeId = office,
            AppointmentId = appointment,
            Purpose = purpose,
            OffsetCode = offsetCode,
            ClientId = client,
            WorkerId = worker,
            Channel = channel,
            Address = address,
            Language = language,
            Subject = text.Subject,
            Body = text.Body,
        };
        reminder.Schedule(timing, skipped);
        return reminder;
    }

    public bool IsPending => State is ReminderState.Scheduled or ReminderState.Failed && NextAttemptAt is not null;

    /// <summary>
    /// Plans the reminder anew (the appointment moved, or the client's contact details changed). A sent reminder stays as
    /// it was; a cancelled one stays cancelled unless <paramref name="reopen"/> says it is wanted again (a client who left
    /// the appointment and joined it again, an interpreter missing again after a booking ended).
    /// </summary>
    public void Replan(ReminderChannel channel, string address, string language, ReminderText text, ReminderTiming timing, SkipReason? skipped, bool reopen = false)
    {
        if (State is ReminderState.Sent || (State is ReminderState.Cancelled && !reopen))
        {
            return;
        }

        Channel = channel;
        Address = address;
        Language = language;
        Subject = text.Subject;
        Body = text.Body;
        Attempts = 0;
        LastError = null;
        Schedule(timing, skipped);
    }

    public void Cancel()
    {
        if (State is ReminderState.Scheduled or ReminderState.Failed)
        {
            State = ReminderState.Cancelled;
            NextAttemptAt = null;
        }
    }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        State = ReminderState.Sent;
        SentAt = now;
        NextAttemptAt = null;
        ClaimToken = null;
        ClaimedUntil = null;
    }

    /// <summary>A worker sent the handed-over text by hand (saying so twice changes nothing).</summary>
    public Result<Unit> ConfirmSentByHand(UserId worker, DateTimeOffset now)
    {
        if (Channel != ReminderChannel.Manual)
        {
            return Error.Conflict("not-manual", "Only messages for the worker to send by hand are confirmed by hand.");
        }

        if (State != ReminderState.Sent)
        {
            return Error.Conflict("not-handed-over", "The message is handed over for sending when it is due.");
        }

        if (SentByHandAt is null)
        {
            SentByHandAt = now;
            SentByHandBy = worker;
        }

        return Unit.Value;
    }

        /// <summary>Records a failed attempt; retries after 1, 4, 16, 64 minutes, then gives up and keeps the last error.</summary>
    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        State = ReminderState.Failed;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = Attempts >= MaxAttempts ? null : now + TimeSpan.FromMinutes(Math.Pow(4, Attempts - 1));
        ClaimToken = null;
        ClaimedUntil = null;
    }

    /// <summary>Drops what identifies the client; the row stays for the counts.</summary>
    public void ForgetClient()
    {
        Cancel();
        Address = "";
        Body = "";
        Subject = "";
        ClientId = null;
        if (State == ReminderState.Cancelled && SkipReason is null)
        {
            SkipReason = Domain.SkipReason.ClientAnonymised;
        }
    }

    private void Schedule(ReminderTiming timing, SkipReason? skipped)
    {
        var reason = skipped ?? timing.Skipped;
        DueAt = timing.DueAt;
        if (reason is not null)
        {
            State = ReminderState.Skipped;
            SkipReason = reason;
            NextAttemptAt = null;
        }
        else
        {
            State = ReminderState.Scheduled;
            SkipReason = null;
            NextAttemptAt = timing.DueAt;
        }
    }
}
