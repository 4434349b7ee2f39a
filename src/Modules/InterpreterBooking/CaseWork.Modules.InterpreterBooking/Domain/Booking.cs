using System.Security.Cryptography;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>Where a booking stands.</summary>
internal enum BookingState
{
    /// <summary>Booked; the interpreter will come.</summary>
    Booked = 0,

    /// <summary>The job moved; the interpreter has to confirm the new time.</summary>
    AwaitingReconfirmation = 1,

    /// <summary>Cancelled before the job (see <see cref="Booking.Billable"/>).</summary>
    Cancelled = 2,

    /// <summary>The interpreter recorded the job; the worker has not confirmed it yet.</summary>
    Recorded = 3,

    /// <summary>The worker confirmed the job: it goes on the interpreter's statement.</summary>
    Confirmed = 4,
}

/// <summary>
/// An interpreter booked for a request: the job in their calendar, later the record of what was done and billed. At most one
/// live booking per request (unique <see cref="ActiveRequestId"/>), and never two colliding bookings of one interpreter
/// (guarded by the interpreter's <see cref="InterpreterProfile.BookingGuard"/>, ADR 0018).
/// </summary>
internal sealed class Booking : IOfficeScoped, IVersioned
{
    private Booking()
    {
    }

    public Booking(InterpreterRequest request, UserId interpreter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Id = Guid.CreateVersion7();
        OfficeId = request.OfficeId;
        RequestId = request.Id;
        ActiveRequestId = request.Id;
        AppointmentId = request.AppointmentId;
        InterpreterId = interpreter;
        Language = request.Language;
        Dialect = request.Dialect;
        Modality = request.Modality;
        Start = request.Start;
        End = request.End;
        BookedAt = now;
        State = BookingState.Booked;
        ConfirmationCode = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>The request id while the booking is live, null once cancelled: unique, so a request has one live booking.</summary>
    public Guid? ActiveRequestId { get; private set; }

    public Guid? AppointmentId { get; private set; }

    public UserId InterpreterId { get; private set; }

    public string Language { get; private set; } = "";

    public string? Dialect { get; private set; }

    public Modality Modality { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    public BookingState State { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Cancelled inside the late window: the booked time is paid.</summary>
    public bool Billable { get; private set; }

    public DateTimeOffset? ActualStart { get; private set; }

    public DateTimeOffset? ActualEnd { get; private set; }

    public int TravelMinutes { get; private set; }

    public decimal Kilometres { get; private set; }

    /// <summary>Shown to the interpreter; the worker enters it on site as proof the job took place.</summary>
    public string ConfirmationCode { get; private set; } = "";

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public UserId? ConfirmedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsLive => State is BookingState.Booked or BookingState.AwaitingReconfirmation;

    public BusyPeriod Busy => new(RequestId, Start, End, Modality == Modality.InPerson);

    /// <summary>The job moved: the interpreter must confirm the new time (or decline, and the request is offered again).</summary>
    public void AskReconfirmation(DateTimeOffset start, DateTimeOffset end, Modality modality)
    {
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
        Modality = modality;
        if (IsLive)
        {
            State = BookingState.AwaitingReconfirmation;
        }
    }

    public Result<Unit> Reconfirm(bool confirmed, string? reason, DateTimeOffset now)
    {
        if (State != BookingState.AwaitingReconfirmation)
        {
            return Error.Conflict("nothing-to-reconfirm", "This booking does not wait for a reconfirmation.");
        }

        if (confirmed)
        {
            State = BookingState.Booked;
        }
        else
        {
            Cancel(reason ?? "declined after reschedule", billable: false, now);
        }

        return Unit.Value;
    }

    public void Cancel(string reason, bool billable, DateTimeOffset now)
    {
        State = BookingState.Cancelled;
        ActiveRequestId = null;
        CancelledAt = now;
        CancellationReason = reason;
        Billable = billable;
    }

    /// <summary>The interpreter records what took place; only after the job has started, and before the worker confirmed it.</summary>
    public Result<Unit> Record(DateTimeOffset actualStart, DateTimeOffset actualEnd, int travelMinutes, decimal kilometres, DateTimeOffset now)
    {
        if (State is not (BookingState.Booked or BookingState.Recorded))
        {
            return Error.Conflict("booking-not-recordable", "Only a booked job that was not confirmed yet can be recorded.");
        }

        if (now < Start)
        {
            return Error.Validation("actualStart", "The job has not started yet.");
        }

        if (actualEnd <= actualStart)
        {
            return Error.Validation("actualEnd", "The end must be after the start.");
        }

        if (travelMinutes < 0 || kilometres < 0)
        {
            return Error.Validation("travelMinutes", "Travel time and distance cannot be negative.");
        }

        ActualStart = actualStart.ToUniversalTime();
        ActualEnd = actualEnd.ToUniversalTime();
        TravelMinutes = travelMinutes;
        Kilometres = kilometres;
        State = BookingState.Recorded;
        return Unit.Value;
    }

    /// <summary>The worker confirms the recorded job; a code, if given, must be the one the interpreter was shown.</summary>
    public Result<Unit> Confirm(UserId worker, string? code, DateTimeOffset now)
    {
        if (State != BookingState.Recorded)
        {
            return Error.Conflict("booking-not-recorded", "The interpreter has not recorded this job yet.");
        }

        if (code is not null && !string.Equals(code.Trim(), ConfirmationCode, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Validation("code", "The confirmation code does not match.");
        }

        State = BookingState.Confirmed;
        ConfirmedAt = now;
        ConfirmedBy = worker;
        return Unit.Value;
    }

    /// <summary>The interpreter may see the job's place and contact until this long after it ended.</summary>
    public bool DetailsVisible(DateTimeOffset now, BookingPolicy policy) => DetailsVisible(End, ActualEnd, now, policy);

    /// <summary>The same rule for a job read as a row (the interpreter's job list reads columns, not bookings).</summary>
    public static bool DetailsVisible(DateTimeOffset end, DateTimeOffset? actualEnd, DateTimeOffset now, BookingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return DetailsVisible(end, actualEnd, now, policy.DetailAccessDays);
    }

    /// <summary>The same rule with the office's <see cref="BookingPolicy.DetailAccessDays"/> read alongside the job.</summary>
    public static bool DetailsVisible(DateTimeOffset end, DateTimeOffset? actualEnd, DateTimeOffset now, int detailAccessDays) =>
        now <= (actualEnd ?? end) + TimeSpan.FromDays(detailAccessDays);

    /// <summary>What the job earns: interpreting time, travel time and kilometres at the given rates; a billable cancellation pays the booked time.</summary>
    public Money Fee(FeeRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var fee = Money.Zero(rates.Currency);
        if (State == BookingState.Confirmed && ActualStart is { } s && ActualEnd is { } e)
        {
            fee = fee.Add(new Money(rates.Hourly, rates.Currency).Times((decimal)(e - s).TotalHours))
                .Add(new Money(rates.TravelTimeHourly, rates.Currency).Times(TravelMinutes / 60m))
                .Add(new Money(rates.PerKilometre, rates.Currency).Times(Kilometres));
        }
        else if (State == BookingState.Cancelled && Billable)
        {
            fee = fee.Add(new Money(rates.Hourly, rates.Currency).Times((decimal)(End - Start).TotalHours));
        }

        return fee;
    }
}
