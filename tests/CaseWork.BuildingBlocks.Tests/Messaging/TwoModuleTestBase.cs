using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Messaging;

/// <summary>A fresh database per test, hosts started on it and disposed after the test, and readers of both modules' tables.</summary>
public abstract class TwoModuleTestBase : IAsyncLifetime
{
    private readonly List<TwoModuleHost> _hosts = [];
    private TestStore _store = null!;

    internal TestWorld World { get; } = new();

    internal DatabaseOptions Database => _store.Options;

    protected abstract DatabaseProvider Provider { get; }

    public virtual async Task InitializeAsync() => _store = await TestStore.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _store.DisposeAsync();
    }

    internal async Task<TwoModuleHost> StartHostAsync(
        bool runDispatcher = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var host = await TwoModuleHost.StartAsync(Database, World, runDispatcher, settings, configureServices);
        _hosts.Add(host);
        return host;
    }

    internal async Task StopHostAsync(TwoModuleHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    internal static Task<List<SenderNote>> NotesAsync(TwoModuleHost host) =>
        host.WithAsync<SenderDbContext, List<SenderNote>>(db => db.Notes.IgnoreQueryFilters().AsNoTracking().ToListAsync());

    internal static Task<List<OutboxMessage>> OutboxAsync(TwoModuleHost host) =>
        host.WithAsync<SenderDbContext, List<OutboxMessage>>(db => db.OutboxMessages.AsNoTracking().ToListAsync());

    internal static Task<List<InboxMessage>> InboxAsync(TwoModuleHost host) =>
        host.WithAsync<ReceiverDbContext, List<InboxMessage>>(db => db.InboxMessages.AsNoTracking().ToListAsync());

    internal static Task<List<ReceivedNote>> ReceivedAsync(TwoModuleHost host) =>
        host.WithAsync<ReceiverDbContext, List<ReceivedNote>>(db => db.ReceivedNotes.AsNoTracking().ToListAsync());

    internal static async Task<int> ReceivedCountAsync(TwoModuleHost host, Guid noteId, string handler) =>
        (await ReceivedAsync(host)).Count(r => r.NoteId == noteId && r.Handler == handler);
}
