using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.Modules.Clients.Tests.Http;

/// <summary>One SQLite host shared by a test class (each test registers its own clients).</summary>
public sealed class ClientsHostFixture : IAsyncLifetime
{
    internal ClientsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ClientsHost.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
