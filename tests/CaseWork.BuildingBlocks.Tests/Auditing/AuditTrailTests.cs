using System.Data.Common;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Tests.Support;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseWork.BuildingBlocks.Tests.Auditing;

/// <summary>
/// The hash-chained audit trail: appends form a gap-free chain, the database refuses changes, and the verifier finds
/// what an attacker who can bypass the database's refusal (by dropping its triggers) did.
/// </summary>
public abstract class AuditTrailTests : IAsyncLifetime
{
    // Sub-microsecond ticks on purpose: PostgreSQL keeps microseconds, and the hash must cover what is stored.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567));
    private readonly TestCurrentUser _user = new(OfficeId.New(), Roles.Streetworker) { Name = "erika.muster" };
    private TestStore _store = null!;
    private ServiceProvider _services = null!;

    protected abstract DatabaseProvider Provider { get; }

    private string Table => Provider == DatabaseProvider.Postgres ? "audit.audit_entries" : "audit_entries";

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(Provider);
        _services = BuildServices();
        await _services.GetRequiredService<StoreMigrator>().MigrateAllAsync();
    }

    /// <summary>The infrastructure of one host instance on this test's store (another call: a second instance).</summary>
    private ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _store.Options.Provider.ToString(),
            ["Database:DataDirectory"] = _store.Options.DataDirectory,
            ["Database:ConnectionString"] = _store.Options.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<ICurrentUser>(_user);
        services.AddCaseWorkInfrastructure(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Appends_are_numbered_from_one_and_chained_by_hash()
    {
        var times = new List<DateTimeOffset>();
        for (var i = 1; i <= 5; i++)
        {
            times.Add(_clock.GetUtcNow());
            await RecordAsync(i);
            _clock.Advance(TimeSpan.FromTicks(1_234_567));
        }

        var entries = await EntriesAsync();

        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            Assert.Equal(entry.ComputeHash(), entry.Hash);
            Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
            if (i > 0)
            {
                Assert.Equal(entries[i - 1].Hash, entry.PreviousHash);
            }

            Assert.Equal(StorePrecision.Truncate(times[i]), entry.OccurredAt);
            Assert.Equal(_user.UserId?.Value, entry.UserId);
            Assert.Equal("erika.muster", entry.UserName);
            Assert.Equal(_user.OfficeId?.Value, entry.OfficeId);
            Assert.Equal("Clients", entry.Module);
            Assert.Equal("Update", entry.Action);
            Assert.Equal("Client", entry.RecordType);
            Assert.Equal($"client-{i + 1}", entry.RecordId);
            Assert.Equal("asked by the client", entry.Reason);
            Assert.Equal("fields: phone", entry.Details);
        }
    }

    [Fact]
    public async Task An_untouched_chain_is_intact()
    {
        await RecordManyAsync(5);

        var result = await VerifyAsync();

        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(5, result.EntriesChecked);
        Assert.Empty(result.Problems);
        var head = (await EntriesAsync())[^1];
        Assert.Equal(new AuditChainHead(5, head.Hash), result.Head);
    }

    [Fact]
    public async Task An_empty_chain_is_intact()
    {
        var result = await VerifyAsync();

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Null(result.Head);
    }

    [Fact]
    public async Task Entries_without_reason_or_details_verify()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await trail.RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", "c-1"));
            await trail.RecordAsync(new AuditRecord("Clients", AuditAction.ReasonedAccess, "Client", "c-1", Reason: "", Details: ""));
        }

        var result = await VerifyAsync();

        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
        var entries = await EntriesAsync();
        Assert.Null(entries[0].Reason);
        Assert.Equal("", entries[1].Reason);
        Assert.NotEqual(entries[0].ComputeHash(), WithReason(entries[0], "").ComputeHash());
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_entries()
    {
        await RecordManyAsync(3);

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Entries.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.RecordId, "forged")));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Entries.Where(e => e.Sequence == 2).ExecuteDeleteAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => db.Entries.ExecuteDeleteAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(Sql("UPDATE {table} SET reason = 'forged'")));
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var entry = await db.Entries.SingleAsync(e => e.Sequence == 3);
            entry.Details = "forged";
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            db.Entries.Remove(await db.Entries.SingleAsync(e => e.Sequence == 1));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        var result = await VerifyAsync();
        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(3, result.EntriesChecked);
    }

    [Fact]
    public async Task A_modified_entry_is_detected()
    {
        await RecordManyAsync(5);
        await DropAppendOnlyTriggersAsync();

        await AdminSqlAsync("UPDATE {table} SET record_id = 'client-99' WHERE sequence = 3");

        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(["Entry 3 was modified after it was written."], result.Problems);
    }

    [Fact]
    public async Task A_modified_entry_with_a_recomputed_hash_breaks_the_next_link()
    {
        await RecordManyAsync(5);
        await DropAppendOnlyTriggersAsync();

        await RewriteAsync(entries =>
        {
            var third = entries.Single(e => e.Sequence == 3);
            third.RecordId = "client-99";
            third.Hash = third.ComputeHash();
        });

        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(["Entry 4 does not link to the entry before it."], result.Problems);
    }

    [Fact]
    public async Task A_deleted_entry_in_the_middle_is_detected()
    {
        await RecordManyAsync(5);
        await DropAppendOnlyTriggersAsync();

        await AdminSqlAsync("DELETE FROM {table} WHERE sequence = 3");

        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.EntriesChecked);
        Assert.Contains("Entries 3..3 are missing.", result.Problems);
        Assert.Contains("Entry 4 does not link to the entry before it.", result.Problems);
    }

    [Fact]
    public async Task A_deleted_entry_with_the_rest_of_the_chain_relinked_is_detected()
    {
        await RecordManyAsync(5);
        await DropAppendOnlyTriggersAsync();
        await AdminSqlAsync("DELETE FROM {table} WHERE sequence = 3");

        // The attacker re-links entry 4 onto entry 2 and rehashes everything after it, but keeps the numbers.
        await RewriteAsync(entries =>
        {
            for (var i = 1; i < entries.Count; i++)
            {
                entries[i].PreviousHash = entries[i - 1].Hash;
                entries[i].Hash = entries[i].ComputeHash();
            }
        });

        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(["Entries 3..3 are missing."], result.Problems);
    }

    [Fact]
    public async Task A_rewritten_chain_is_found_only_against_a_recorded_head()
    {
        await RecordManyAsync(5);
        var recordedHead = (await VerifyAsync()).Head!;
        await DropAppendOnlyTriggersAsync();

        // Entry 3 removed, the rest renumbered and rehashed: internally consistent again.
        await AdminSqlAsync("DELETE FROM {table} WHERE sequence = 3");
        await AdminSqlAsync("UPDATE {table} SET sequence = 3 WHERE sequence = 4");
        await AdminSqlAsync("UPDATE {table} SET sequence = 4 WHERE sequence = 5");
        await RewriteAsync(entries =>
        {
            for (var i = 2; i < entries.Count; i++)
            {
                entries[i].PreviousHash = entries[i - 1].Hash;
                entries[i].Hash = entries[i].ComputeHash();
            }
        });

        Assert.True((await VerifyAsync()).IsIntact);
        var result = await VerifyAsync(recordedHead);
        Assert.False(result.IsIntact);
        Assert.Equal(["The chain ends at entry 4, before the recorded head 5: entries were removed from its end."], result.Problems);
    }

    [Fact]
    public async Task Truncating_the_tail_is_found_only_against_a_recorded_head()
    {
        await RecordManyAsync(5);
        var recordedHead = (await VerifyAsync()).Head!;
        await DropAppendOnlyTriggersAsync();

        await AdminSqlAsync("DELETE FROM {table} WHERE sequence >= 4");

        Assert.True((await VerifyAsync()).IsIntact);
        var result = await VerifyAsync(recordedHead);
        Assert.False(result.IsIntact);
        Assert.Equal(["The chain ends at entry 3, before the recorded head 5: entries were removed from its end."], result.Problems);
    }

    [Fact]
    public async Task A_recorded_head_that_no_longer_matches_is_reported()
    {
        await RecordManyAsync(3);
        var recordedHead = (await VerifyAsync()).Head!;
        await RecordManyAsync(2);

        Assert.True((await VerifyAsync(recordedHead)).IsIntact);
        var forged = await VerifyAsync(recordedHead with { Hash = new string('a', 64) });
        Assert.False(forged.IsIntact);
        Assert.Equal(["Entry 3 is not the recorded head: its hash differs."], forged.Problems);
    }

    [Fact]
    public async Task Concurrent_appends_form_one_gap_free_chain()
    {
        const int appends = 20;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, appends).Select(i => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await start.Task;
            await trail.RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", $"client-{i}"));
        })).ToList();

        start.SetResult();
        await Task.WhenAll(tasks);

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, appends).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, appends).Select(i => $"client-{i}").Order(), entries.Select(e => e.RecordId).Order());
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public async Task Two_host_instances_appending_at_once_form_one_gap_free_chain()
    {
        // Each instance has its own chain writer; on SQLite both write to the same file (a batch takes the write lock
        // before it reads the head), on PostgreSQL to the same table (advisory lock, lost races retried).
        await using var other = BuildServices();
        const int each = 40;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = new[] { _services, other }.SelectMany((instance, n) => Enumerable.Range(1, each).Select(i => Task.Run(async () =>
        {
            await using var scope = instance.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await start.Task;
            await trail.RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", $"instance-{n}-client-{i}"));
        }))).ToList();

        start.SetResult();
        await Task.WhenAll(tasks);

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 2 * each).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(each, entries.Count(e => e.RecordId.StartsWith("instance-1-", StringComparison.Ordinal)));
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public async Task An_entry_the_database_refuses_fails_alone_and_its_concurrent_neighbours_are_committed()
    {
        // Entries arriving together are committed in one transaction; a refused one (module is NOT NULL) must not
        // take the others down with it.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await start.Task;
            await trail.RecordAsync(new AuditRecord(i == 6 ? null! : "Clients", AuditAction.Read, "Client", $"client-{i}"));
        })).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(tasks.Select(async t =>
        {
            try
            {
                await t;
                return null;
            }
            catch (DbException failure)
            {
                return failure;
            }
        }));

        Assert.Single(outcomes, o => o is not null);
        Assert.NotNull(outcomes[5]);
        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.DoesNotContain(entries, e => e.RecordId == "client-6");
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public async Task A_failure_other_than_a_lost_race_is_not_retried()
    {
        // A broken current user: the database refuses the entry (user_name is NOT NULL) on both providers.
        _user.Name = null!;
        await using var scope = _services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();

        var attemptsBefore = _services.GetRequiredService<AuditChainWriter>().InsertAttempts;
        await Assert.ThrowsAnyAsync<DbException>(() => trail.RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", "c-1")));

        Assert.Equal(1, _services.GetRequiredService<AuditChainWriter>().InsertAttempts - attemptsBefore);
        Assert.Empty(await EntriesAsync());

        // The writer goes on after a refused batch: the next entry is the chain's first.
        _user.Name = "erika.muster";
        await trail.RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", "c-2"));
        Assert.Equal([(1L, "c-2")], (await EntriesAsync()).Select(e => (e.Sequence, e.RecordId)));
    }

    [Fact]
    public async Task The_arguments_are_checked()
    {
        await using var scope = _services.CreateAsyncScope();

        await Assert.ThrowsAsync<ArgumentNullException>(() => scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>().VerifyAsync(null!));
    }

    private static AuditEntry WithReason(AuditEntry entry, string? reason) => new()
    {
        Sequence = entry.Sequence, OccurredAt = entry.OccurredAt, UserId = entry.UserId, UserName = entry.UserName,
        OfficeId = entry.OfficeId, Module = entry.Module, Action = entry.Action, RecordType = entry.RecordType,
        RecordId = entry.RecordId, Reason = reason, Details = entry.Details, PreviousHash = entry.PreviousHash,
    };

    private async Task RecordAsync(int i)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(
            new AuditRecord("Clients", AuditAction.Update, "Client", $"client-{i}", "asked by the client", "fields: phone"));
    }

    private async Task RecordManyAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await RecordAsync(i);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<AuditVerificationResult> VerifyAsync(AuditChainHead? recordedHead = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>();
        return recordedHead is null ? await verifier.VerifyAsync() : await verifier.VerifyAsync(recordedHead);
    }

    /// <summary>
    /// Both instances start an append while another session holds the store's lock: neither finishes before
    /// <paramref name="release"/>, both after it, and the two entries form one intact chain.
    /// </summary>
    private async Task BothInstancesAppendOnceReleasedAsync(ServiceProvider other, Func<Task> release)
    {
        var appends = new[] { _services, other }.Select((instance, n) => Task.Run(async () =>
        {
            await using var scope = instance.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", $"instance-{n}"));
        })).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.All(appends, a => Assert.False(a.IsCompleted));
        await release();
        await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(20));

        var entries = await EntriesAsync();
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal(["instance-0", "instance-1"], entries.Select(e => e.RecordId).Order());
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
    }

    private string Sql(string template) => template.Replace("{table}", Table, StringComparison.Ordinal);

    private async Task AdminSqlAsync(string template)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Database.ExecuteSqlRawAsync(Sql(template));
    }

    /// <summary>Loads the chain, lets the attacker change it in memory, and writes it back (triggers dropped).</summary>
    private async Task RewriteAsync(Action<List<AuditEntry>> tamper)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var entries = await db.Entries.OrderBy(e => e.Sequence).ToListAsync();
        tamper(entries);
        await db.SaveChangesAsync();
    }

    /// <summary>What an attacker with administrative rights on the database does first.</summary>
    private async Task DropAppendOnlyTriggersAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await AdminSqlAsync("DROP TRIGGER audit_entries_append_only ON audit.audit_entries");
            await AdminSqlAsync("DROP TRIGGER audit_entries_no_truncate ON audit.audit_entries");
        }
        else
        {
            await AdminSqlAsync("DROP TRIGGER audit_entries_no_update");
            await AdminSqlAsync("DROP TRIGGER audit_entries_no_delete");
        }
    }

    public sealed class OnSqlite : AuditTrailTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        [Fact]
        public async Task Two_instances_waiting_for_the_write_lock_both_append_after_it_is_released()
        {
            // Another process holds the audit file's write lock while both instances' writers start a batch. A writer
            // that read the head before taking the lock would find it stale once the other had committed (SQLite's
            // BUSY_SNAPSHOT); taking the lock first, each reads the head the other left.
            await using var other = BuildServices();
            await using var holder = new SqliteConnection(StoreOptionsExtensions.SqliteConnectionString(_store.Options, AuditDbContext.Store));
            await holder.OpenAsync();
            var locked = holder.BeginTransaction(deferred: false);

            await BothInstancesAppendOnceReleasedAsync(other, () =>
            {
                locked.Commit();
                return Task.CompletedTask;
            });
        }
    }

    public sealed class OnPostgres : AuditTrailTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

        [Fact]
        public async Task Two_instances_waiting_for_the_chain_lock_both_append_after_it_is_released()
        {
            // Another session holds the chain's advisory lock while both instances' writers start a batch. Each takes the
            // lock before it reads the head, so each chains onto what the other committed.
            await using var other = BuildServices();
            await using var holder = new NpgsqlConnection(_store.Options.ConnectionString);
            await holder.OpenAsync();
            await using var locked = await holder.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AuditChainWriter.ChainLockKey})", holder, locked))
            {
                await take.ExecuteNonQueryAsync();
            }

            await BothInstancesAppendOnceReleasedAsync(other, () => locked.CommitAsync());
        }

        [Fact]
        public async Task A_kept_connection_that_was_cut_is_replaced_and_the_next_entry_is_written()
        {
            await RecordManyAsync(1);

            // The server ends the writer's connection (a restart, an idle connection cut by the network).
            await using (var admin = new NpgsqlConnection(_store.Options.ConnectionString))
            {
                await admin.OpenAsync();
                await using var cut = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", admin);
                cut.Parameters.AddWithValue("name", PostgresAuditAppender.ApplicationName);
                Assert.Equal(1L, await cut.ExecuteScalarAsync());
            }

            await RecordAsync(2);

            Assert.Equal([(1L, "client-1"), (2L, "client-2")], (await EntriesAsync()).Select(e => (e.Sequence, e.RecordId)));
            var result = await VerifyAsync();
            Assert.True(result.IsIntact, string.Join(Environment.NewLine, result.Problems));
        }

        [Fact]
        public async Task The_database_refuses_to_truncate_the_trail()
        {
            await RecordManyAsync(2);

            await Assert.ThrowsAnyAsync<Exception>(() => AdminSqlAsync("TRUNCATE audit.audit_entries"));

            Assert.Equal(2, (await EntriesAsync()).Count);
        }
    }
}
