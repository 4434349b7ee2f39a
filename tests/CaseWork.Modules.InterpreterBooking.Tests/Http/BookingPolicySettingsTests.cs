using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>The office's booking policy on its settings page and API (ADR 0036): who may change it, ranges, concurrent saves, and that it drives requests.</summary>
public sealed class BookingPolicySettingsTests
{
    private const string Api = "/api/interpreter-booking";

    private static object Policy(int version, int notice = 4, int tierSize = 3, int window = 120, int urgentWindow = 30, string? district = null) => new
    {
        noticeWorkingDays = notice, tierSize, tierWindowMinutes = window, urgentTierWindowMinutes = urgentWindow, travelBufferMinutes = 30,
        lateCancellationHours = 24, fillDeadlineHoursBeforeStart = 24, detailAccessDays = 14, defaultDistrict = district, version,
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Supervisors_change_the_policy_others_read_it_or_nothing_and_stale_or_bad_saves_change_nothing(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Policy office");
        using var supervisor = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Supervisor));
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Interpreter));

        var defaults = await supervisor.GetFromJsonAsync<JsonElement>($"{Api}/settings");
        Assert.Equal(4, defaults.GetProperty("noticeWorkingDays").GetInt32());
        Assert.Equal(0, defaults.GetProperty("version").GetInt32());
        Assert.True(defaults.GetProperty("canEdit").GetBoolean());

        var saved = await supervisor.PutAsJsonAsync($"{Api}/settings", Policy(0, notice: 2, tierSize: 5, district: " Neukölln "));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        // A form still showing the defaults (version 0) does not overwrite the first save; nor does one read before the last save.
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PutAsJsonAsync($"{Api}/settings", Policy(0, notice: 9))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"{Api}/settings", Policy(1, notice: 3, district: "Neukölln"))).StatusCode);
        var stale = await supervisor.PutAsJsonAsync($"{Api}/settings", Policy(1, notice: 7));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        var bad = await supervisor.PutAsJsonAsync($"{Api}/settings", Policy(2, notice: 99, tierSize: 0, window: 60, urgentWindow: 90));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("noticeWorkingDays", out _));
        Assert.True(errors.TryGetProperty("tierSize", out _));
        Assert.True(errors.TryGetProperty("urgentTierWindowMinutes", out _));

        // Streetworkers read the rules but do not change them; interpreters do neither.
        var read = await worker.GetFromJsonAsync<JsonElement>($"{Api}/settings");
        Assert.False(read.GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"{Api}/settings", Policy(2, notice: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interpreter.GetAsync($"{Api}/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interpreter.PutAsJsonAsync($"{Api}/settings", Policy(2, notice: 1))).StatusCode);

        var stored = await booking.WithDbAsync(db => db.Policies.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.OfficeId == office));
        Assert.Equal((3, 3, "Neukölln", 2), (stored.NoticeWorkingDays, stored.TierSize, stored.DefaultDistrict, stored.Version));

        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var entries = await audit.Set<AuditEntry>().AsNoTracking().Where(e => e.RecordType == "BookingPolicy" && e.RecordId == office.ToString()).ToListAsync();
        Assert.Contains(entries, e => e.Action == "Update" && e.Details!.Contains("notice", StringComparison.Ordinal) && e.Details.Contains("default district", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "NotSaved");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Racing_first_saves_of_an_office_policy_one_wins_the_others_get_409(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Race office");
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            clients.Add(await host.SignedInClientAsync(await host.CreateUserAsync(office, i % 2 == 0 ? Roles.Supervisor : Roles.Administrator)));
        }

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PutAsJsonAsync($"{Api}/settings", Policy(0, notice: i + 1))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
        var stored = await booking.WithDbAsync(db => db.Policies.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.OfficeId == office));
        Assert.Equal(winner + 1, stored.NoticeWorkingDays);
        clients.ForEach(c => c.Dispose());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_saved_policy_decides_urgency_and_tier_size_of_new_requests(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Driven office");
        await booking.AddInterpretersAsync(office, 4);
        using var supervisor = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Supervisor));
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));
        var start = TwoWorkingDaysAhead();

        var before = await CreateAsync(worker, start);
        Assert.True(before.GetProperty("urgent").GetBoolean());
        Assert.Equal(3, before.GetProperty("offersMade").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"{Api}/settings", Policy(0, notice: 1, tierSize: 1))).StatusCode);

        var after = await CreateAsync(worker, start.AddHours(3));
        Assert.False(after.GetProperty("urgent").GetBoolean());
        Assert.Equal(1, after.GetProperty("offersMade").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_settings_page_saves_shows_field_errors_and_refuses_a_stale_form(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Page office");
        using var supervisor = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Supervisor));
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));
        const string Path = "/InterpreterBooking/Settings";

        var html = await supervisor.GetStringAsync(Path);
        Assert.Contains("name=\"NoticeWorkingDays\"", html, StringComparison.Ordinal);
        var saved = await supervisor.PostAsync(Path, Form(html, version: 0, notice: "2"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var invalid = await supervisor.PostAsync(Path, Form(html, version: 1, notice: "25"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Die Vorlaufzeit liegt zwischen 0 und 20 Arbeitstagen.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notANumber = await supervisor.PostAsync(Path, Form(html, version: 1, notice: "viele"));
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("Bitte eine ganze Zahl eintragen.", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stale = await supervisor.PostAsync(Path, Form(html, version: 0, notice: "6"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Jemand anderes hat die Regeln inzwischen gespeichert.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var readOnly = await worker.GetStringAsync(Path);
        Assert.Contains("<fieldset disabled=\"disabled\">", readOnly, StringComparison.Ordinal);
        var refused = await worker.PostAsync(Path, Form(readOnly, version: 1, notice: "1"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.ToString(), StringComparison.Ordinal);

        var stored = await booking.WithDbAsync(db => db.Policies.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.OfficeId == office));
        Assert.Equal(2, stored.NoticeWorkingDays);
    }

    private static FormUrlEncodedContent Form(string html, int version, string notice) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = SignIn.FormToken(html),
        ["NoticeWorkingDays"] = notice,
        ["TierSize"] = "3",
        ["TierWindowMinutes"] = "120",
        ["UrgentTierWindowMinutes"] = "30",
        ["TravelBufferMinutes"] = "30",
        ["LateCancellationHours"] = "24",
        ["FillDeadlineHoursBeforeStart"] = "24",
        ["DetailAccessDays"] = "14",
        ["DefaultDistrict"] = "Mitte",
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<JsonElement> CreateAsync(HttpClient worker, DateTimeOffset start)
    {
        var created = await worker.PostAsJsonAsync($"{Api}/requests", new
        {
            language = "ar", modality = 1, start, durationMinutes = 60, place = "Telefon", subjectArea = 1,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>10:00 office time on the day two working days after today.</summary>
    internal static DateTimeOffset TwoWorkingDaysAhead()
    {
        var policy = BookingPolicy.Default(OfficeId.New());
        var today = policy.LocalDay(DateTimeOffset.UtcNow);
        var day = today.AddDays(1);
        while (BookingPolicy.WorkingDaysBetween(today, day) < 2 || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var local = day.ToDateTime(new TimeOnly(10, 0));
        return new DateTimeOffset(local, policy.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
