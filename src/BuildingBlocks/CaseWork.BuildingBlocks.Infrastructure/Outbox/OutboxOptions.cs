namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>The <c>Outbox</c> configuration section: how the dispatcher drains the module outboxes.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Outbox";

    /// <summary>Whether this host instance runs the dispatcher (default true).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the outboxes are swept when nothing signals new messages (default 2 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many messages are read per module and sweep (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The first retry delay after a failure; it doubles per attempt (default 2 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest retry delay (default 15 min).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}
