using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.BuildingBlocks.Infrastructure.Outbox;

/// <summary>An integration event waiting in (or delivered from) its publishing module's outbox.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id (<c>EventId</c>), also the inbox key on the receiving side.</summary>
    public Guid Id { get; set; }

    /// <summary>The event's contract type name (assembly-qualified, without version).</summary>
    public string Type { get; set; } = "";

    /// <summary>The event serialised as JSON.</summary>
    public string Content { get; set; } = "";

    /// <summary>When the event happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When every subscriber had handled it; null while pending.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>How many delivery attempts failed.</summary>
    public int Attempts { get; set; }

    /// <summary>The last delivery error, for retry and inspection.</summary>
    public string? LastError { get; set; }

    /// <summary>Not before this time is the next attempt made (back-off after failures).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
}

/// <summary>A message a module has handled, per handler: redeliveries of it are skipped.</summary>
public sealed class InboxMessage
{
    /// <summary>The event id.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The handler that handled it (one event may have several handlers in a module).</summary>
    public string Handler { get; set; } = "";

    /// <summary>The event's contract type name.</summary>
    public string Type { get; set; } = "";

    /// <summary>When it was handled.</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.Type).HasColumnName("type").HasMaxLength(500).IsRequired();
        builder.Property(m => m.Content).HasColumnName("content").IsRequired();
        builder.Property(m => m.OccurredAt).HasColumnName("occurred_at");
        builder.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(4000);
        builder.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.HasIndex(m => new { m.ProcessedAt, m.OccurredAt }).HasDatabaseName("ix_outbox_messages_pending");
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => new { m.MessageId, m.Handler });
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.Handler).HasColumnName("handler").HasMaxLength(300);
        builder.Property(m => m.Type).HasColumnName("type").HasMaxLength(500).IsRequired();
        builder.Property(m => m.ProcessedAt).HasColumnName("processed_at");
    }
}
