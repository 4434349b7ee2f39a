using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;

/// <summary>The receiver test module's store: schema <c>test_receiver</c> (file <c>test_receiver.db</c>).</summary>
internal sealed class ReceiverDbContext(DbContextOptions<ReceiverDbContext> options)
    : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("test_receiver", "test_receiver");

    public override StoreDescriptor Store => StoreDescriptor;

    public DbSet<ReceivedNote> ReceivedNotes => Set<ReceivedNote>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReceivedNote>(e =>
        {
            e.ToTable("received_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(n => n.NoteId).HasColumnName("note_id");
            e.Property(n => n.Title).HasColumnName("title").HasMaxLength(100).IsRequired();
            e.Property(n => n.Handler).HasColumnName("handler").HasMaxLength(100).IsRequired();
            e.Property(n => n.ReceivedAt).HasColumnName("received_at");
        });
}
