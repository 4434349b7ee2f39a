using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Messaging;

/// <summary>Optimistic concurrency of <c>IVersioned</c> records, through the unit-of-work decorator and directly.</summary>
public abstract class UnitOfWorkTests : TwoModuleTestBase
{
    [Fact]
    public async Task The_version_rises_with_every_save()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("v1"))).Value;
        Assert.Equal(1, (await NotesAsync(host)).Single().Version);

        Assert.True((await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "v2"))).IsSuccess);
        Assert.True((await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 2, "v3"))).IsSuccess);

        var note = Assert.Single(await NotesAsync(host));
        Assert.Equal(3, note.Version);
        Assert.Equal("v3", note.Title);
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict_and_changes_nothing()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("original"))).Value;
        Assert.True((await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "first edit"))).IsSuccess);

        // A second editor still holds version 1.
        var stale = await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "second edit"));

        Assert.False(stale.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, stale.Error.Kind);
        Assert.Equal("concurrent-edit", stale.Error.Code);
        Assert.Contains("sender note was changed by someone else", stale.Error.Message, StringComparison.Ordinal);
        var note = Assert.Single(await NotesAsync(host));
        Assert.Equal("first edit", note.Title);
        Assert.Equal(2, note.Version);
    }

    [Fact]
    public async Task A_second_save_of_a_new_record_with_the_same_key_is_a_conflict_not_a_server_error()
    {
        var host = await StartHostAsync();
        var id = Guid.CreateVersion7();
        Assert.True((await host.SendAsync(new CreateNote("first", Id: id))).IsSuccess);

        // What two first saves racing look like to the later one (two offices' settings rows, say): the key is taken.
        var second = await host.SendAsync(new CreateNote("second", Id: id));

        Assert.False(second.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, second.Error.Kind);
        Assert.Equal("concurrent-edit", second.Error.Code);
        Assert.Equal("first", Assert.Single(await NotesAsync(host)).Title);
    }

    [Fact]
    public async Task A_change_recorded_in_the_audit_trail_and_then_not_saved_is_marked_not_saved()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("original"))).Value;
        Assert.True((await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "first edit"))).IsSuccess);

        var stale = await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "second edit"));

        Assert.Equal("concurrent-edit", stale.Error?.Code);
        var trail = await TrailAsync(host, noteId);
        Assert.Equal(["Update", "Update", "NotSaved"], trail.Select(e => e.Action));
        Assert.Equal("Update not saved: concurrent-edit", trail[2].Details);
        Assert.Equal(World.User.Name, trail[2].UserName);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task A_saved_change_leaves_no_not_saved_entry_for_the_next_command_in_the_scope()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("original"))).Value;
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ICommandHandler<RenameNote, Unit>>();

        Assert.True((await handler.Handle(new RenameNote(noteId, ExpectedVersion: 1, "saved"), CancellationToken.None)).IsSuccess);
        // The next command in the same scope fails before it records anything: the saved change is not marked.
        Assert.Equal(ErrorKind.NotFound, (await handler.Handle(new RenameNote(Guid.NewGuid(), 1, "nowhere"), CancellationToken.None)).Error?.Kind);

        Assert.Equal(["Update"], (await TrailAsync(host, noteId)).Select(e => e.Action));
    }

    [Fact]
    public async Task An_edit_of_a_record_outside_the_users_office_is_not_found()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("ours"))).Value;
        World.User.OfficeId = Ids.OfficeId.New();

        var result = await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "theirs"));

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("ours", Assert.Single(await NotesAsync(host)).Title);
    }

    [Fact]
    public async Task Two_contexts_saving_the_same_record_collide()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("shared"))).Value;
        await using var first = CreateContext();
        await using var second = CreateContext();
        var mine = await first.Notes.SingleAsync(n => n.Id == noteId);
        var theirs = await second.Notes.SingleAsync(n => n.Id == noteId);

        mine.Rename("mine");
        await first.SaveChangesAsync();
        theirs.Rename("theirs");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(2, mine.Version);
    }

    [Fact]
    public async Task The_synchronous_save_raises_the_version_too()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("sync"))).Value;
        await using var db = CreateContext();
        var note = await db.Notes.SingleAsync(n => n.Id == noteId);

        note.Rename("saved synchronously");
#pragma warning disable CA1849 // The synchronous path is what is under test.
        db.SaveChanges();
#pragma warning restore CA1849

        Assert.Equal(2, Assert.Single(await NotesAsync(host)).Version);
    }

    [Fact]
    public async Task A_save_without_changes_keeps_the_version()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("same"))).Value;

        Assert.True((await host.SendAsync(new RenameNote(noteId, ExpectedVersion: 1, "same"))).IsSuccess);

        Assert.Equal(1, Assert.Single(await NotesAsync(host)).Version);
    }

    private static async Task<List<AuditEntry>> TrailAsync(TwoModuleHost host, Guid noteId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var id = noteId.ToString();
        return await db.Entries.AsNoTracking().Where(e => e.RecordType == "SenderNote" && e.RecordId == id).OrderBy(e => e.Sequence).ToListAsync();
    }

    private SenderDbContext CreateContext() =>
        new SenderDbContext(StoreOptions.For<SenderDbContext>(Database, SenderDbContext.StoreDescriptor)).WithCurrentUser(World.User);

    public sealed class OnSqlite : UnitOfWorkTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgres : UnitOfWorkTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
