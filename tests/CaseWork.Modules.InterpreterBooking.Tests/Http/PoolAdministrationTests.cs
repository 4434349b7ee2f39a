using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Flows;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>Coordinators administer the pool (profile, availability, conflicts of interest); nobody else can, and another office cannot see it.</summary>
public sealed class PoolAdministrationTests : IAsyncLifetime
{
    private const string Api = "/api/interpreter-booking";
    private readonly FakeClientDirectory _clients = new();
    private BookingHost _booking = null!;
    private OfficeId _office;
    private TestUser _interpreter = null!;

    private CaseWorkHostFactory Host => _booking.Host;

    public async Task InitializeAsync()
    {
        _booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite, services => services.AddSingleton<IClientDirectory>(_clients));
        _office = await Host.DemoOfficeAsync();
        _interpreter = await Host.CreateUserAsync(_office, Roles.Interpreter, "Nour Aziz");
    }

    public async Task DisposeAsync() => await _booking.DisposeAsync();

    private static object Profile(int? version, string language = "ar") => new
    {
        email = "nour@example.test",
        phone = "+49 30 1111",
        gender = "female",
        languages = new[] { new { language, dialects = language == "ar" ? new[] { "Iraqi" } : [], qualification = 0 } },
        modalities = 3,
        districts = new[] { "Neukölln" },
        travelRadiusKm = 20,
        dailyMaximum = 4,
        fees = new { hourly = 45m, travelTimeHourly = 20m, perKilometre = 0.3m, currency = "EUR" },
        version,
        weekly = new[] { new { day = 1, from = "08:00:00", to = "16:00:00" } },
        absences = new[] { new { from = "2026-12-24", to = "2026-12-31", note = "Urlaub" } },
    };

    [Fact]
    public async Task A_coordinator_adds_an_interpreter_with_availability_and_a_stale_version_is_a_conflict()
    {
        using var worker = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Streetworker));

        using (var created = await worker.PutAsJsonAsync($"{Api}/pool/{_interpreter.Id.Value}", Profile(null)))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        var member = await worker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{_interpreter.Id.Value}");
        Assert.Equal("nour@example.test", member.GetProperty("email").GetString());
        Assert.Equal("Iraqi", member.GetProperty("languages")[0].GetProperty("dialects")[0].GetString());
        Assert.Single(member.GetProperty("weekly").EnumerateArray());
        Assert.Equal("Urlaub", member.GetProperty("absences")[0].GetProperty("note").GetString());
        var stored = await _booking.WithDbAsync(db => db.Interpreters.SingleAsync(p => p.Id == _interpreter.Id));
        Assert.Equal("|ar|", stored.LanguageCodes);

        var version = member.GetProperty("version").GetInt32();
        using (var updated = await worker.PutAsJsonAsync($"{Api}/pool/{_interpreter.Id.Value}", Profile(version, "uk")))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        using var stale = await worker.PutAsJsonAsync($"{Api}/pool/{_interpreter.Id.Value}", Profile(version, "ru"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        stored = await _booking.WithDbAsync(db => db.Interpreters.SingleAsync(p => p.Id == _interpreter.Id));
        Assert.Equal("|uk|", stored.LanguageCodes);
    }

    [Fact]
    public async Task Bad_profile_input_gets_field_errors_and_changes_nothing()
    {
        using var worker = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Streetworker));

        using var bad = await worker.PutAsJsonAsync($"{Api}/pool/{_interpreter.Id.Value}", new
        {
            languages = Array.Empty<object>(), modalities = 0, dailyMaximum = 40, fees = new { hourly = -1m, travelTimeHourly = 0m, perKilometre = 0m, currency = "EUR" },
            weekly = new[] { new { day = 1, from = "16:00:00", to = "08:00:00" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "languages", "modalities", "dailyMaximum", "fees.Hourly", "weekly[0]" })
        {
            Assert.True(errors.EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)), field + " in " + errors);
        }

        Assert.False(await _booking.WithDbAsync(db => db.Interpreters.AnyAsync(p => p.Id == _interpreter.Id)));
    }

    [Fact]
    public async Task A_declared_conflict_of_interest_keeps_the_interpreter_off_that_clients_jobs_until_withdrawn()
    {
        using var worker = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Streetworker));
        var demo = await Host.DemoUserAsync(Roles.Interpreter);
        var client = ClientId.New();

        using var bad = await worker.PostAsJsonAsync($"{Api}/pool/{demo.Id.Value}/conflicts", new { clientId = client.Value, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var declared = await worker.PostAsJsonAsync($"{Api}/pool/{demo.Id.Value}/conflicts", new { clientId = client.Value, reason = "Nachbarin" });
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        using var twice = await worker.PostAsJsonAsync($"{Api}/pool/{demo.Id.Value}/conflicts", new { clientId = client.Value, reason = "Nachbarin" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var conflictId = (await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflictId").GetGuid();

        var request = await _booking.WithDbAsync(async db =>
        {
            var policy = BookingPolicy.Default(_office);
            var r = InterpreterRequest.Create(_office, null, [client.Value], "ar", "Levantine", Modality.Phone, DateTimeOffset.UtcNow.AddDays(20), DateTimeOffset.UtcNow.AddDays(20).AddHours(1),
                "Telefon", null, SubjectArea.Health, null, null, null, null, policy, DateTimeOffset.UtcNow);
            db.Requests.Add(r);
            await db.SaveChangesAsync();
            return r;
        });
        var details = await worker.GetFromJsonAsync<JsonElement>($"{Api}/requests/{request.Id}");
        Assert.DoesNotContain(details.GetProperty("ranking").EnumerateArray(), r => r.GetProperty("displayName").GetString() == demo.DisplayName);
        var excluded = details.GetProperty("notMatching").EnumerateArray().Single(r => r.GetProperty("displayName").GetString() == demo.DisplayName);
        Assert.Contains((int)MismatchReason.Excluded, excluded.GetProperty("reasons").EnumerateArray().Select(e => e.GetInt32()));

        using (var withdrawn = await worker.DeleteAsync($"{Api}/pool/{demo.Id.Value}/conflicts/{conflictId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }

        details = await worker.GetFromJsonAsync<JsonElement>($"{Api}/requests/{request.Id}");
        Assert.Contains(details.GetProperty("ranking").EnumerateArray(), r => r.GetProperty("displayName").GetString() == demo.DisplayName);
    }

    [Fact]
    public async Task Only_the_offices_coordinators_reach_a_pool_member()
    {
        var demo = await Host.DemoUserAsync(Roles.Interpreter);
        var elsewhere = await Host.CreateOfficeAsync("Elsewhere");
        using var stranger = await Host.SignedInClientAsync(await Host.CreateUserAsync(elsewhere, Roles.Streetworker));
        using var interpreter = await Host.SignedInClientAsync(demo);
        using var admin = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Administrator));
        using var supervisor = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Supervisor));

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"{Api}/pool/{demo.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/InterpreterBooking/Interpreter/{demo.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/InterpreterBooking/Pool")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api}/pool/{demo.Id.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/InterpreterBooking/Interpreter/{demo.Id.Value}")).StatusCode);
        using (var foreign = await stranger.PostAsJsonAsync($"{Api}/pool/{demo.Id.Value}/conflicts", new { clientId = Guid.NewGuid(), reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        foreach (var client in new[] { interpreter, admin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Api}/pool/{demo.Id.Value}")).StatusCode);
            using var declare = await client.PostAsJsonAsync($"{Api}/pool/{demo.Id.Value}/conflicts", new { clientId = Guid.NewGuid(), reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, declare.StatusCode);
            var page = await client.GetAsync("/InterpreterBooking/Pool");
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.False(await _booking.WithDbAsync(db => db.ConflictsOfInterest.IgnoreQueryFilters().AnyAsync()));
    }

    [Fact]
    public async Task The_profile_page_saves_the_form_and_shows_english_texts()
    {
        using var worker = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Streetworker));
        var path = $"/InterpreterBooking/Interpreter/{_interpreter.Id.Value}";
        var html = await worker.GetStringAsync(path);
        Assert.Contains("Noch nicht im Pool", html, StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(html),
            ["email"] = "nour@example.test",
            ["gender"] = "female",
            ["language"] = "ckb",
            ["dialects"] = "",
            ["qualification"] = "TrainedCommunityInterpreter",
            ["inPerson"] = "true",
            ["video"] = "true",
            ["districts"] = "Neukölln, Mitte",
            ["travelRadiusKm"] = "10",
            ["dailyMaximum"] = "2",
            ["hourly"] = "40",
            ["travelHourly"] = "20",
            ["perKilometre"] = "0.3",
            ["from"] = "09:00",
            ["to"] = "13:00",
            ["absentFrom"] = "2027-01-04",
            ["absentTo"] = "2027-01-08",
            ["absenceNote"] = "Kur",
        };
        using var saved = await worker.PostAsync(path + "?handler=Save", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var profile = await _booking.WithDbAsync(db => db.Interpreters.AsNoTracking().SingleAsync(p => p.Id == _interpreter.Id));
        Assert.Equal("|ckb|", profile.LanguageCodes);
        Assert.Equal(Modalities.InPerson | Modalities.Video, profile.Modalities);
        Assert.Equal(["Neukölln", "Mitte"], profile.Districts);
        Assert.Equal(new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0)), Assert.Single(profile.WeeklyAvailability));
        Assert.Equal("Kur", Assert.Single(profile.Absences).Note);
        Assert.True(await _booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().AnyAsync(m => m.InterpreterId == _interpreter.Id && m.OfficeId == _office)));

        // English: the page's texts come from the module's resources.
        using var english = new HttpRequestMessage(HttpMethod.Get, path);
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        var englishHtml = await (await worker.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("Conflicts of interest", englishHtml, StringComparison.Ordinal);
        Assert.Contains("Weekly hours", englishHtml, StringComparison.Ordinal);
    }
}
