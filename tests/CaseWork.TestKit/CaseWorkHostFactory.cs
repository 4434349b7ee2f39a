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

    static CaseWorkHostFactory()
    {
        // A test run starts hundreds of hosts, many at once. Each one watched appsettings*.json and wwwroot with an
        // inotify instance, and Linux allows 128 per user by default: past that, host start-up and pages with versioned
        // links failed ("The configured user limit (128) on the number of inotify instances has been reached"). Test hosts
        // never need to notice edited files, so configuration is not reloaded and file providers poll instead.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

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
