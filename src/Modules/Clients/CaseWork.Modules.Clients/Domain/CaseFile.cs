using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// The case file of one client (one per client; closed and reopened as counselling ends and starts again): status,
/// closing reason and the workers assigned. Its timeline, needs, goals, dates and consents are separate records held by
/// the client id, because a timeline grows to thousands of notes and is never loaded whole.
/// </summary>
internal sealed class CaseFile : IOfficeScoped, IVersioned
{
    private CaseFile()
    {
    }

    public ClientId ClientId { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public bool IsOpen { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public ClosingReason? ClosingReason { get; private set; }

    public string? ClosingNote { get; private set; }

    public UserId? LeadWorker { get; private set; }

    public List<Guid> OtherWorkers { get; private set; } = [];

    public int Version { get; private set; }

    public static CaseFile Open(Client client, DateOnly on, UserId? leadWorker)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new CaseFile
        {
            ClientId = client.Id,
            OfficeId = client.OfficeId,
            IsOpen = true,
            OpenedOn = on,
            LeadWorker = leadWorker,
        };
    }

    public Result<Unit> Reopen(DateOnly on)
    {
        if (IsOpen)
            return Error.Conflict("case-file-open", "The case file is already open.");
        IsOpen = true;
        OpenedOn = on;
        ClosedOn = null;
        ClosingReason = null;
        ClosingNote = null;
        return Unit.Value;
    }

    public Result<Unit> Close(DateOnly on, ClosingReason reason, string? note)
    {
        if (!IsOpen)
            return Error.Conflict("case-file-closed", "The case file is already closed.");
        if (on < OpenedOn)
            return Error.Validation("closedOn", "A case file cannot be closed before it was opened.");
        IsOpen = false;
        ClosedOn = on;
        ClosingReason = reason;
        ClosingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return Unit.Value;
    }

    public void AssignWorkers(UserId? lead, IEnumerable<UserId> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        LeadWorker = lead;
        OtherWorkers = [.. others.Select(o => o.Value).Where(o => lead is null || o != lead.Value.Value).Distinct()];
    }

    public bool IsAssigned(UserId worker) => LeadWorker == worker || OtherWorkers.Contains(worker.Value);

    /// <summary>The first day the file is due for anonymisation under the retention period; null while open.</summary>
    public DateOnly? AnonymisationDueOn(RetentionPeriod retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        return IsOpen || ClosedOn is null ? null : retention.DueOn(ClosedOn.Value);
    }

    /// <summary>Removes what identifies the person; the closing note is free text.</summary>
    public void Anonymise() => ClosingNote = null;
}

/// <summary>How long an office keeps a closed case file before anonymising it (default three years after closing).</summary>
internal sealed record RetentionPeriod(int Years)
{
    public const int DefaultYears = 3;
    public const int MinYears = 1;
    public const int MaxYears = 30;

    public static RetentionPeriod Default { get; } = new(DefaultYears);

    public DateOnly DueOn(DateOnly closedOn) => closedOn.AddYears(Years);

    public bool IsDue(DateOnly closedOn, DateOnly today) => today >= DueOn(closedOn);
}

/// <summary>An office's retention setting, changed by administrators.</summary>
internal sealed class OfficeRetentionSetting : IOfficeScoped
{
    private OfficeRetentionSetting()
    {
    }

    public OfficeId OfficeId { get; private set; }

    public int RetentionYears { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public RetentionPeriod Period => new(RetentionYears);

    public static OfficeRetentionSetting For(OfficeId office, int years, DateTimeOffset at)
    {
        var setting = new OfficeRetentionSetting { OfficeId = office };
        setting.Change(years, at);
        return setting;
    }

    public void Change(int years, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, RetentionPeriod.MinYears);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, RetentionPeriod.MaxYears);
        RetentionYears = years;
        ChangedAt = at;
    }
}
