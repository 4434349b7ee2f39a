using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.TestKit;

/// <summary>
/// Starts the real host in process on a given database. Several factories on one PostgreSQL database behave like
/// several host instances sharing it.
/// </summary>
public class CaseWorkHostFactory : WebApplicationFactory<Program>
{
    private readonly DatabaseOptions _database;
    private readonly Dictionary<string, string?> _settings;

    /// <summary>Creates the factory.</summary>
    /// <param name="database">Where the host stores its data.</param>
    /// <param name="settings">Further configuration, e.g. <c>Modules:Clients:Enabled=false</c>.</param>
    public CaseWorkHostFactory(DatabaseOptions database, IDictionary<string, string?>? settings = null)
    {
        _database = database;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
    }

    /// <summary>
    /// Runs after the host registered its own services: lets a test add services (a probe, a test job through
    /// <c>services.AddQuartz(…)</c>, which adds to the host's one scheduler) or replace one.
    /// </summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:DataDirectory", _database.DataDirectory);
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString ?? "");
        builder.UseSetting("Seed:DemoPassword", DemoUsers.Password);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }
}
