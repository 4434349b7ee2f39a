using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Results;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender.Contracts;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace CaseWork.BuildingBlocks.Tests.Messaging;

/// <summary>
/// An integration event from the sender module to the receiver module through the sender's outbox, the in-process
/// dispatcher and the receiver's inbox: written with the change, delivered once, retried after failures, never lost.
/// </summary>
public abstract class OutboxDeliveryTests : TwoModuleTestBase
{
    private static readonly string Record = nameof(RecordReceivedNote);
    private static readonly string Acknowledge = nameof(AcknowledgeReceivedNote);

    [Fact]
    public async Task A_command_commits_its_change_and_its_event_together()
    {
        var host = await StartHostAsync();

        var result = await host.SendAsync(new CreateNote("first"));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var note = Assert.Single(await NotesAsync(host));
        Assert.Equal(result.Value, note.Id);
        Assert.Equal(World.User.OfficeId, note.OfficeId);
        var message = Assert.Single(await OutboxAsync(host));
        Assert.Equal(IntegrationEventSerializer.TypeName(typeof(NoteCreated)), message.Type);
        Assert.Equal(StorePrecision.Truncate(World.Clock.GetUtcNow()), message.OccurredAt);
        Assert.Null(message.ProcessedAt);
        Assert.Equal(0, message.Attempts);
        var integrationEvent = Assert.IsType<NoteCreated>(IntegrationEventSerializer.Deserialize(message));
        Assert.Equal(note.Id, integrationEvent.NoteId);
        Assert.Equal(message.Id, integrationEvent.EventId);
        Assert.Empty(await ReceivedAsync(host));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failing_command_writes_neither_its_change_nor_its_event(bool throws)
    {
        var host = await StartHostAsync();
        var then = throws ? AfterWriting.Throw : AfterWriting.ReturnError;

        if (then == AfterWriting.Throw)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => host.SendAsync(new CreateNote("doomed", then)));
        }
        else
        {
            var result = await host.SendAsync(new CreateNote("doomed", then));
            Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
            Assert.Equal("note-refused", result.Error?.Code);
        }

        Assert.Empty(await NotesAsync(host));
        Assert.Empty(await OutboxAsync(host));
    }

    [Fact]
    public async Task A_commit_that_fails_writes_neither_its_change_nor_its_event()
    {
        var commits = new FailingCommit();
        var host = await StartHostAsync(configureServices: services =>
            services.ConfigureDbContext<SenderDbContext>(options => options.AddInterceptors(commits)));
        commits.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(() => host.SendAsync(new CreateNote("lost")));

        // One commit was attempted for both rows; it failed, and neither row is there.
        Assert.Equal(1, commits.Attempts);
        Assert.Empty(await NotesAsync(host));
        Assert.Empty(await OutboxAsync(host));
    }

    [Fact]
    public async Task An_invalid_command_gets_field_messages_and_writes_nothing()
    {
        var host = await StartHostAsync();

        var empty = await host.SendAsync(new CreateNote(""));
        var tooLong = await host.SendAsync(new CreateNote(new string('x', 101)));

        Assert.Equal(ErrorKind.Validation, empty.Error?.Kind);
        Assert.Equal("validation", empty.Error?.Code);
        var fields = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(empty.Error?.FieldErrors);
        Assert.Equal(["title"], fields.Keys);
        Assert.Contains(fields["title"], m => m.Contains("must not be empty", StringComparison.Ordinal));
        Assert.Contains(tooLong.Error!.FieldErrors!["title"], m => m.Contains("100 characters or fewer", StringComparison.Ordinal));
        Assert.Empty(await NotesAsync(host));
        Assert.Empty(await OutboxAsync(host));
    }

    [Fact]
    public async Task An_event_is_delivered_exactly_once()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("once"))).Value;
        World.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Record));
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Acknowledge));
        Assert.Equal(2, (await ReceivedAsync(host)).Count);
        var message = Assert.Single(await OutboxAsync(host));
        Assert.Equal(StorePrecision.Truncate(World.Clock.GetUtcNow()), message.ProcessedAt);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.LastError);
        var inbox = await InboxAsync(host);
        Assert.Equal(2, inbox.Count);
        Assert.All(inbox, i => Assert.Equal(message.Id, i.MessageId));
        Assert.Equal(
            new[] { typeof(AcknowledgeReceivedNote).FullName, typeof(RecordReceivedNote).FullName }.Order(),
            inbox.Select(i => i.Handler).Order());
        Assert.Equal(1, World.Faults.Invocations<RecordReceivedNote>());
        Assert.Equal(1, World.Faults.Invocations<AcknowledgeReceivedNote>());
    }

    [Fact]
    public async Task A_redelivery_is_skipped_by_the_inbox()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("again"))).Value;
        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        // As if the dispatcher had crashed after delivering but before marking the message processed.
        await host.WithAsync<SenderDbContext, int>(db =>
            db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null)));
        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Record));
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Acknowledge));
        Assert.Equal(2, (await InboxAsync(host)).Count);
        Assert.Equal(1, World.Faults.Invocations<RecordReceivedNote>());
        Assert.Equal(1, World.Faults.Invocations<AcknowledgeReceivedNote>());
        Assert.NotNull(Assert.Single(await OutboxAsync(host)).ProcessedAt);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_its_back_off()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("retry"))).Value;
        World.Faults.FailNext<RecordReceivedNote>();
        var failedAt = World.Clock.GetUtcNow();

        Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        var failed = Assert.Single(await OutboxAsync(host));
        Assert.Null(failed.ProcessedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("Simulated failure of RecordReceivedNote", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(StorePrecision.Truncate(failedAt + new OutboxOptions().RetryBaseDelay), failed.NextAttemptAt);
        Assert.Equal(0, await ReceivedCountAsync(host, noteId, Record));

        // Not due yet: the dispatcher leaves it alone.
        World.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(1, World.Faults.Invocations<RecordReceivedNote>());
        Assert.Equal(1, Assert.Single(await OutboxAsync(host)).Attempts);

        // Due exactly now: delivered.
        World.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        var delivered = Assert.Single(await OutboxAsync(host));
        Assert.Equal(StorePrecision.Truncate(World.Clock.GetUtcNow()), delivered.ProcessedAt);
        Assert.Equal(1, delivered.Attempts);
        Assert.Null(delivered.NextAttemptAt);
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Record));
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Acknowledge));
        Assert.Equal(2, World.Faults.Invocations<RecordReceivedNote>());
    }

    [Fact]
    public async Task The_back_off_doubles_per_attempt_up_to_its_cap()
    {
        var host = await StartHostAsync(settings: new Dictionary<string, string?>
        {
            ["Outbox:RetryBaseDelay"] = "00:00:02",
            ["Outbox:RetryMaxDelay"] = "00:00:05",
        });
        await host.SendAsync(new CreateNote("stubborn"));
        World.Faults.FailNext<RecordReceivedNote>(times: 3);

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var now = StorePrecision.Truncate(World.Clock.GetUtcNow());
            Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));
            var message = Assert.Single(await OutboxAsync(host));
            Assert.Equal(attempt, message.Attempts);
            delays.Add(message.NextAttemptAt!.Value - now);
            World.Clock.SetUtcNow(message.NextAttemptAt.Value);
        }

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)], delays);
        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_subscriber_that_succeeded_is_not_run_again_when_another_one_is_retried()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("partial"))).Value;
        World.Faults.FailNext<AcknowledgeReceivedNote>();

        Assert.Equal(0, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        // The failing subscriber saved its row before failing; its transaction took the row back.
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Record));
        Assert.Equal(0, await ReceivedCountAsync(host, noteId, Acknowledge));
        Assert.Equal([typeof(RecordReceivedNote).FullName], (await InboxAsync(host)).Select(i => i.Handler));
        Assert.Contains(nameof(AcknowledgeReceivedNote), Assert.Single(await OutboxAsync(host)).LastError, StringComparison.Ordinal);

        World.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(1, World.Faults.Invocations<RecordReceivedNote>());
        Assert.Equal(2, World.Faults.Invocations<AcknowledgeReceivedNote>());
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Record));
        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Acknowledge));
        Assert.Equal(2, (await InboxAsync(host)).Count);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_hold_back_the_others()
    {
        var host = await StartHostAsync();
        var noteId = (await host.SendAsync(new CreateNote("independent"))).Value;
        World.Faults.FailNext<RecordReceivedNote>(times: 10);

        await host.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(1, await ReceivedCountAsync(host, noteId, Acknowledge));
        Assert.Equal(0, await ReceivedCountAsync(host, noteId, Record));
    }

    [Fact]
    public async Task An_event_committed_before_a_stop_is_delivered_after_the_restart()
    {
        var first = await StartHostAsync(runDispatcher: false);
        var noteId = (await first.SendAsync(new CreateNote("survivor"))).Value;
        await StopHostAsync(first);

        // A new process on the same database, with its background dispatcher running: its first sweep delivers.
        var second = await StartHostAsync(runDispatcher: true);

        await Eventually.HoldsAsync(
            async () => (await OutboxAsync(second)).All(m => m.ProcessedAt is not null),
            "the restarted host delivered the event");
        Assert.Equal(1, await ReceivedCountAsync(second, noteId, Record));
        Assert.Equal(1, await ReceivedCountAsync(second, noteId, Acknowledge));
    }

    [Fact]
    public async Task The_background_dispatcher_is_woken_by_the_commit()
    {
        var host = await StartHostAsync(runDispatcher: true);

        var first = (await host.SendAsync(new CreateNote("one"))).Value;
        await Eventually.HoldsAsync(async () => await ReceivedCountAsync(host, first, Record) == 1, "the first note arrived");

        // The poll interval is ten minutes and the first sweep is over: only the commit signal can deliver this one.
        var second = (await host.SendAsync(new CreateNote("two"))).Value;
        await Eventually.HoldsAsync(async () => await ReceivedCountAsync(host, second, Record) == 1, "the second note arrived");
        await Eventually.HoldsAsync(async () => await ReceivedCountAsync(host, second, Acknowledge) == 1, "the second note was acknowledged");
    }

    public sealed class OnSqlite : OutboxDeliveryTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgres : OutboxDeliveryTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

        [Fact]
        public async Task Two_host_instances_dispatching_at_once_deliver_each_event_once()
        {
            const int events = 20;
            var publisher = await StartHostAsync();
            var noteIds = new List<Guid>();
            for (var i = 0; i < events; i++)
            {
                noteIds.Add((await publisher.SendAsync(new CreateNote($"note {i}"))).Value);
                World.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            var instanceA = await StartHostAsync();
            var instanceB = await StartHostAsync();

            // Both instances hold the first delivery until the other one is in it too: a guaranteed collision.
            World.Faults.MeetOnFirstInvocations<RecordReceivedNote>(parties: 2);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var dispatching = new[] { instanceA, instanceB }.Select(instance => Task.Run(async () =>
            {
                await start.Task;
                return await instance.Dispatcher.DispatchPendingAsync(CancellationToken.None);
            })).ToList();
            start.SetResult();
            var completed = await Task.WhenAll(dispatching);

            // Between them every message is processed; a message both saw is completed by both (the loser skips it).
            Assert.InRange(completed.Sum(), events, 2 * events);
            Assert.All(await OutboxAsync(publisher), m => Assert.NotNull(m.ProcessedAt));
            var received = await ReceivedAsync(publisher);
            foreach (var noteId in noteIds)
            {
                Assert.Equal(1, received.Count(r => r.NoteId == noteId && r.Handler == Record));
                Assert.Equal(1, received.Count(r => r.NoteId == noteId && r.Handler == Acknowledge));
            }

            Assert.Equal(2 * events, received.Count);
            Assert.True(World.Faults.Invocations<RecordReceivedNote>() > events, "The two instances never handled the same event at once.");
            Assert.Equal(2 * events, (await InboxAsync(publisher)).Count);
            Assert.All(await OutboxAsync(publisher), m => Assert.Equal(0, m.Attempts));
        }
    }

    /// <summary>Counts commits and fails each one, as a lost connection at commit time would.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        private int _attempts;

        /// <summary>Off while the host migrates its stores.</summary>
        public bool Armed { get; set; }

        public int Attempts => _attempts;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (!Armed)
            {
                return ValueTask.FromResult(result);
            }

            Interlocked.Increment(ref _attempts);
            throw new InvalidOperationException("Simulated failure at commit.");
        }
    }
}
