using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// Something that belongs to a client's case file (a note, need, goal, date or consent). Held by the client id so a
/// merge moves it to the surviving record, and carries the office for scoping.
/// </summary>
internal abstract class CaseRecord : IOfficeScoped
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public OfficeId OfficeId { get; protected set; }

    public ClientId ClientId { get; protected set; }

    /// <summary>Moves the record to the surviving client of a merge; its history stays as it was.</summary>
    public void MoveTo(Client survivor)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ClientId = survivor.Id;
    }

    /// <summary>Removes free text and names; keeps what counts (kind, dates, areas, status).</summary>
    public abstract void Anonymise();
}

/// <summary>One entry on the case file's timeline.</summary>
internal sealed class CaseNote : CaseRecord
{
    public const string AnonymisedText = "";

    private CaseNote()
    {
    }

    public NoteType Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public int? DurationMinutes { get; private set; }

    /// <summary>Need areas the note is about (<see cref="NeedAreas"/>).</summary>
    public List<string> Topics { get; private set; } = [];

    public string Text { get; private set; } = "";

    public UserId? Author { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Set when an erasure request had to keep this note's text by law.</summary>
    public bool KeptByLaw { get; private set; }

    public static CaseNote Write(
        Client client, NoteType type, DateTimeOffset occurredAt, int? durationMinutes, IEnumerable<string> topics, string text, UserId? author, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(topics);
        if (durationMinutes is < 0)
            throw new ArgumentOutOfRangeException(nameof(durationMinutes));
        return new CaseNote
        {
            OfficeId = client.OfficeId,
            ClientId = client.Id,
            Type = type,
            OccurredAt = occurredAt,
            DurationMinutes = durationMinutes,
            Topics = [.. topics.Distinct()],
            Text = text.Trim(),
            Author = author,
            RecordedAt = recordedAt,
        };
    }

    public void KeepByLaw() => KeptByLaw = true;

    public override void Anonymise()
    {
        if (!KeptByLaw)
            Text = AnonymisedText;
    }
}

/// <summary>A need (problem area) with its progress.</summary>
internal sealed class Need : CaseRecord
{
    private Need()
    {
    }

    public string Area { get; private set; } = NeedAreas.Other;

    public NeedStatus Status { get; private set; }

    public string? Description { get; private set; }

    public DateOnly IdentifiedOn { get; private set; }

    public DateOnly StatusChangedOn { get; private set; }

    /// <summary>The referral (Referrals module) that was made for this need, when referred.</summary>
    public Guid? ReferralId { get; private set; }

    public static Need Record(Client client, string area, string? description, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!NeedAreas.All.Contains(area))
            throw new ArgumentException($"Unknown need area '{area}'.", nameof(area));
        return new Need
        {
            OfficeId = client.OfficeId,
            ClientId = client.Id,
            Area = area,
            Status = NeedStatus.Open,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            IdentifiedOn = on,
            StatusChangedOn = on,
        };
    }

    public Result<Unit> ChangeStatus(NeedStatus status, DateOnly on, Guid? referralId = null)
    {
        if (on < IdentifiedOn)
            return Error.Validation("on", "The status cannot change before the need was recorded.");
        Status = status;
        StatusChangedOn = on;
        if (referralId is not null)
            ReferralId = referralId;
        return Unit.Value;
    }

    public bool IsOpen => Status is NeedStatus.Open or NeedStatus.InProgress;

    public override void Anonymise() => Description = null;
}

/// <summary>A goal of the case plan with the next steps agreed and a due date.</summary>
internal sealed class Goal : CaseRecord
{
    private Goal()
    {
    }

    public string Title { get; private set; } = "";

    public List<string> NextSteps { get; private set; } = [];

    public DateOnly? DueOn { get; private set; }

    public Guid? NeedId { get; private set; }

    public DateOnly AgreedOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>Whether the goal was reached when completed (outcome for statistics).</summary>
    public bool? Achieved { get; private set; }

    public UserId? Worker { get; private set; }

    public static Goal Agree(Client client, string title, IEnumerable<string> nextSteps, DateOnly? dueOn, Guid? needId, DateOnly on, UserId? worker)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(nextSteps);
        return new Goal
        {
            OfficeId = client.OfficeId,
            ClientId = client.Id,
            Title = title.Trim(),
            NextSteps = [.. nextSteps.Select(s => s.Trim()).Where(s => s.Length > 0)],
            DueOn = dueOn,
            NeedId = needId,
            AgreedOn = on,
            Worker = worker,
        };
    }

    public Result<Unit> Complete(DateOnly on, bool achieved)
    {
        if (CompletedOn is not null)
            return Error.Conflict("goal-completed", "The goal is already completed.");
        if (on < AgreedOn)
            return Error.Validation("completedOn", "A goal cannot be completed before it was agreed.");
        CompletedOn = on;
        Achieved = achieved;
        return Unit.Value;
    }

    public bool IsDueBetween(DateOnly from, DateOnly to) => CompletedOn is null && DueOn is { } due && due >= from && due <= to;

    public override void Anonymise()
    {
        Title = "";
        NextSteps = [];
    }
}

/// <summary>A date that must not pass unnoticed (residence permit expiry, court date, objection deadline).</summary>
internal sealed class ImportantDate : CaseRecord
{
    private ImportantDate()
    {
    }

    public ImportantDateKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    public string? Label { get; private set; }

    public static ImportantDate Note(Client client, ImportantDateKind kind, DateOnly on, string? label)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ImportantDate
        {
            OfficeId = client.OfficeId,
            ClientId = client.Id,
            Kind = kind,
            On = on,
            Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
        };
    }

    public override void Anonymise() => Label = null;
}
