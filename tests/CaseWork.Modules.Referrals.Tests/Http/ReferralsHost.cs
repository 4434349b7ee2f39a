using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>The real host on SQLite or PostgreSQL with a stand-in Clients directory and a fake clock.</summary>
internal sealed class ReferralsHost : IAsyncDisposable
{
    public static readonly Guid DebtOrganisation = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid DebtService = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    public static readonly Guid DebtLocation = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    public static readonly Guid JobCentre = Guid.Parse("0193a000-0000-7000-8000-000000000011");
    public static readonly Guid JobCentreService = Guid.Parse("0193a000-0000-7000-8000-000000000012");
    public static readonly Guid JobCentreLocation = Guid.Parse("0193a000-0000-7000-8000-000000000013");

    private readonly TempDataDirectory? _directory;
    private readonly PostgresTestDatabase? _postgres;

    private ReferralsHost(CaseWorkHostFactory factory, TempDataDirectory? directory, PostgresTestDatabase? postgres)
    {
        Factory = factory;
        _directory = directory;
        _postgres = postgres;
    }

    public CaseWorkHostFactory Factory { get; }

    public FakeClientDirectory Clients { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Starts the host. With <paramref name="realClients"/> the Clients module itself answers (its demo case files, the
    /// real clock) instead of the stand-in directory and the fake clock. <paramref name="services"/> may replace more.
    /// </summary>
    /// <param name="provider">The database.</param>
    /// <param name="realClients">The real Clients module and clock instead of the stand-ins.</param>
    /// <param name="scheduledJobs">
    /// Whether the host's scheduler runs the module's jobs. It runs on the fake clock, so each move of the clock past a due
    /// time starts the host's own follow-up sweep at once; a test that runs the sweeps itself and asserts what each run did
    /// turns them off, or it races them.
    /// </param>
    /// <param name="services">Further test services.</param>
    public static async Task<ReferralsHost> StartAsync(
        DatabaseProvider provider, bool realClients = false, bool scheduledJobs = true, Action<IServiceCollection>? services = null)
    {
        TempDataDirectory? directory = null;
        PostgresTestDatabase? postgres = null;
        DatabaseOptions database;
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = await TestDatabases.CreatePostgresAsync("referrals");
            database = TestDatabases.Postgres(postgres.ConnectionString);
        }
        else
        {
            directory = new TempDataDirectory();
            database = TestDatabases.Sqlite(directory.Path);
        }

        ReferralsHost? host = null;
        var factory = new CaseWorkHostFactory(database)
        {
            ConfigureTestServices = testServices =>
            {
                if (!realClients)
                {
                    testServices.AddSingleton<IClientDirectory>(_ => host!.Clients);
                    testServices.AddSingleton<TimeProvider>(_ => host!.Clock);
                }

                if (!scheduledJobs)
                {
                    // The module's triggers stay declared; this host just never fires them.
                    testServices.AddQuartz(quartz => quartz.ConfigureScheduler(scheduler => scheduler.RefusedExecutionGroups.Add(ReferralsContract.ModuleName)));
                }

                services?.Invoke(testServices);
            },
        };
        host = new ReferralsHost(factory, directory, postgres);
        _ = factory.Server;
        return host;
    }

    public async Task<HttpClient> ClientAsync(string role) => await Factory.SignedInClientAsync(await Factory.DemoUserAsync(role));

    public static string DirectoryJson() => $$"""
        {
          "version": "3.0",
          "organizations": [
            {
              "id": "{{DebtOrganisation}}",
              "name": "Schuldnerberatung Nord e.V.",
              "description": "Kostenlose Schuldner- und Insolvenzberatung",
              "email": "beratung@schuldner-nord.invalid",
              "phones": [ { "number": "030 5550100" } ],
              "locations": [
                {
                  "id": "{{DebtLocation}}",
                  "location_type": "physical",
                  "name": "Beratungsstelle Wedding",
                  "addresses": [ { "address_1": "Müllerstraße 12", "city": "Berlin", "postal_code": "13353", "country": "DE" } ],
                  "accessibility": [ { "description": "Stufenloser Zugang, Aufzug" } ],
                  "schedules": [ { "freq": "WEEKLY", "byday": "MO,TU,TH", "opens_at": "09:00", "closes_at": "13:00" } ]
                }
              ],
              "services": [
                {
                  "id": "{{DebtService}}",
                  "name": "Schuldnerberatung",
                  "description": "Überblick über Schulden, P-Konto, Verhandlung mit Gläubigern",
                  "eligibility_description": "Wohnsitz in Berlin-Mitte",
                  "languages": [ { "code": "de" }, { "code": "ar" }, { "code": "tr" } ],
                  "fees_description": "kostenlos",
                  "required_documents": [ { "document": "Mahnungen" }, { "document": "Kontoauszüge" } ],
                  "application_process": "Telefonisch anmelden",
                  "status": "active",
                  "service_at_locations": [ { "id": "{{Guid.CreateVersion7()}}", "location_id": "{{DebtLocation}}" } ],
                  "x_casework": { "service_type": "debt_counselling", "public_body": false, "typical_waiting_days": 21, "taking_new_clients": true }
                }
              ],
              "contacts": [ { "id": "{{Guid.CreateVersion7()}}", "name": "Frau Yilmaz", "title": "Beraterin", "email": "yilmaz@schuldner-nord.invalid" } ]
            },
            {
              "id": "{{JobCentre}}",
              "name": "Jobcenter Berlin Mitte",
              "locations": [
                {
                  "id": "{{JobCentreLocation}}",
                  "location_type": "physical",
                  "name": "Standort Seydelstraße",
                  "addresses": [ { "address_1": "Seydelstraße 2", "city": "Berlin", "postal_code": "10117", "country": "DE" } ],
                  "schedules": [ { "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "08:00", "closes_at": "12:30" } ]
                }
              ],
              "services": [
                {
                  "id": "{{JobCentreService}}",
                  "name": "Leistungen nach SGB II",
                  "languages": [ { "code": "de" }, { "code": "en" } ],
                  "status": "active",
                  "service_at_locations": [ { "id": "{{Guid.CreateVersion7()}}", "location_id": "{{JobCentreLocation}}" } ],
                  "x_casework": { "service_type": "job_centre", "public_body": true, "typical_waiting_days": 10, "taking_new_clients": true }
                }
              ]
            }
          ]
        }
        """;

    public async Task ImportDirectoryAsync()
    {
        using var admin = await ClientAsync(BuildingBlocks.Identity.Roles.Administrator);
        using var response = await admin.PostAsync("/api/referrals/directory/import", new StringContent(DirectoryJson(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A client of the demo office with a debts need and a consent for the debt counselling service.</summary>
    public async Task<(FakeClientDirectory.FakeClient Client, Guid ConsentId)> ClientWithConsentAsync(params string[] categories)
    {
        var office = await Factory.DemoOfficeAsync();
        var client = Clients.AddClient(office, "Amina Haddad", "K-7F3A-92", "debts", "housing");
        var consent = Clients.Consent(office, client.Id, DebtOrganisation, new DateOnly(2027, 12, 31), categories.Length > 0 ? categories : ["identity", "contact", "needs", "finances"]);
        return (client, consent);
    }

    public static object ReferBody(FakeClientDirectory.FakeClient client, Guid service, string[]? categories = null, string? overrideReason = null, bool acknowledged = false) => new
    {
        clientId = client.Id.Value,
        serviceId = service,
        needIds = new[] { client.Needs[0].NeedId },
        categories = categories ?? ["identity", "contact", "needs"],
        urgency = "urgent",
        message = "Bitte um zeitnahen Termin, Kontopfändung droht.",
        publicBodyWarningAcknowledged = acknowledged,
        consentOverrideReason = overrideReason,
    };

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonObject> SendAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals/", body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _directory?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
