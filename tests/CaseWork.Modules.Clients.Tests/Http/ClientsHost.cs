using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Clients.Tests.Http;

/// <summary>A host on SQLite or PostgreSQL with the six callers of the role matrix.</summary>
internal sealed class ClientsHost : IAsyncDisposable
{
    private readonly TempDataDirectory? _directory;
    private readonly PostgresTestDatabase? _postgres;

    private ClientsHost(CaseWorkHostFactory factory, TempDataDirectory? directory, PostgresTestDatabase? postgres)
    {
        Factory = factory;
        _directory = directory;
        _postgres = postgres;
    }

    public CaseWorkHostFactory Factory { get; }

    public HttpClient Streetworker { get; private set; } = null!;

    public TestUser StreetworkerUser { get; private set; } = null!;

    public HttpClient OtherOfficeStreetworker { get; private set; } = null!;

    public HttpClient Interpreter { get; private set; } = null!;

    public HttpClient Supervisor { get; private set; } = null!;

    public HttpClient Administrator { get; private set; } = null!;

    public TestUser AdministratorUser { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public static async Task<ClientsHost> StartAsync(DatabaseProvider provider, FakeTimeProvider? clock = null)
    {
        TempDataDirectory? directory = null;
        PostgresTestDatabase? postgres = null;
        DatabaseOptions database;
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = await TestDatabases.CreatePostgresAsync("clients");
            database = TestDatabases.Postgres(postgres.ConnectionString);
        }
        else
        {
            directory = new TempDataDirectory();
            database = TestDatabases.Sqlite(directory.Path);
        }

        var factory = new CaseWorkHostFactory(database)
        {
            ConfigureTestServices = services =>
            {
                if (clock is not null)
                    services.AddSingleton<TimeProvider>(clock);
            },
        };
        var host = new ClientsHost(factory, directory, postgres);
        await host.SignInAllAsync();
        return host;
    }

    private async Task SignInAllAsync()
    {
        // A fresh office rather than the demo office: the demo office starts with demo case files that would turn up
        // in these tests' searches and duplicate checks.
        var office = await Factory.CreateOfficeAsync("Streetwork Test");
        StreetworkerUser = await Factory.CreateUserAsync(office, Roles.Streetworker);
        Streetworker = await Factory.SignedInClientAsync(StreetworkerUser);
        var otherOffice = await Factory.CreateOfficeAsync("Streetwork Süd");
        OtherOfficeStreetworker = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(otherOffice, Roles.Streetworker));
        Interpreter = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(office, Roles.Interpreter));
        Supervisor = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(office, Roles.Supervisor));
        AdministratorUser = await Factory.CreateUserAsync(office, Roles.Administrator);
        Administrator = await Factory.SignedInClientAsync(AdministratorUser);
        Anonymous = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>Signs the streetworker and the administrator in again (after a fake clock jumped past the cookie's lifetime).</summary>
    public async Task SignInAgainAsync()
    {
        Streetworker.Dispose();
        Administrator.Dispose();
        Streetworker = await Factory.SignedInClientAsync(StreetworkerUser);
        Administrator = await Factory.SignedInClientAsync(AdministratorUser);
    }

    public HttpClient As(Caller caller) => caller switch
    {
        Caller.Streetworker => Streetworker,
        Caller.OtherOfficeStreetworker => OtherOfficeStreetworker,
        Caller.Interpreter => Interpreter,
        Caller.Supervisor => Supervisor,
        Caller.Administrator => Administrator,
        _ => Anonymous,
    };

    /// <summary>Registers a client as the demo office's streetworker (confirmed not a duplicate); returns id and version.</summary>
    public async Task<(Guid Id, int Version, string Code)> RegisterAsync(string given = "Amina", string family = "Haidari", object? extra = null)
    {
        var response = await Streetworker.PostAsJsonAsync("/api/clients", new
        {
            details = extra ?? new
            {
                givenNames = given,
                familyNames = family,
                dateOfBirth = "1990",
                languages = new[] { new { code = "prs", level = "Native" } },
                contactChannels = new[] { new { kind = "Phone", value = "+49 151 1234567" } },
                reminderChannel = "Sms",
            },
            confirmedNotDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = body.GetProperty("client");
        return (client.GetProperty("clientId").GetGuid(), client.GetProperty("version").GetInt32(), client.GetProperty("pseudonymCode").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Streetworker, OtherOfficeStreetworker, Interpreter, Supervisor, Administrator, Anonymous })
            client?.Dispose();
        await Factory.DisposeAsync();
        _directory?.Dispose();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}

public enum Caller
{
    Streetworker,
    OtherOfficeStreetworker,
    Interpreter,
    Supervisor,
    Administrator,
    Anonymous,
}
