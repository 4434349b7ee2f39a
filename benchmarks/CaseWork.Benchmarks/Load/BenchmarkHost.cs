using System.Net;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Benchmarks.Load;

/// <summary>
/// The real host on Kestrel (loopback), as users reach it, plus optional bare endpoints under <c>/bench/</c> that run the
/// same lookup with plain ADO.NET before any of the host's middleware — the limit the real endpoints are compared with.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly CaseWorkHostFactory _factory;

    private BenchmarkHost(CaseWorkHostFactory factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public CaseWorkHostFactory Factory => _factory;

    /// <summary>Starts the host; <paramref name="bareEndpoints"/> gets a branch of the pipeline for <c>/bench</c>.</summary>
    public static BenchmarkHost Start(DatabaseOptions database, Action<IApplicationBuilder>? bareEndpoints = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        };
        // Outside a test run WebApplicationFactory guesses the content root from the working directory; point it at src/Host.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CASEWORK_HOST", HostContentRoot());
        var factory = new CaseWorkHostFactory(database, all)
        {
            ConfigureTestServices = services =>
            {
                if (bareEndpoints is not null)
                {
                    services.AddSingleton<IStartupFilter>(new BareEndpoints(bareEndpoints));
                }
            },
        };
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BenchmarkHost(factory, new Uri(address));
    }

    /// <summary>An HTTP client over real sockets allowing <paramref name="connections"/> parallel connections, signed in when a user is given.</summary>
    public async Task<HttpClient> ClientAsync(int connections, string? userName = null, string password = DemoUsers.Password)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (userName is not null)
        {
            await SignIn.AsAsync(client, userName, password);
        }

        return client;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string HostContentRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Host");
            if (File.Exists(Path.Combine(candidate, "CaseWork.Host.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Host not found above " + AppContext.BaseDirectory);
    }

    private sealed class BareEndpoints(Action<IApplicationBuilder> configure) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench", configure);
            next(app);
        };
    }
}
