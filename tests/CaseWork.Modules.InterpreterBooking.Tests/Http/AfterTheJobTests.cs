using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>After the job: the interpreter records it, the worker confirms it with the code, the statement and the figures count it.</summary>
public sealed class AfterTheJobTests : IAsyncLifetime
{
    private const string Api = "/api/interpreter-booking";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private BookingHost _booking = null!;

    public async Task InitializeAsync() =>
        _booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _booking.DisposeAsync();

    [Fact]
    public async Task A_recorded_and_confirmed_job_is_on_the_statement_and_in_the_figures()
    {
        var host = _booking.Host;
        var demoInterpreter = await host.DemoUserAsync(Roles.Interpreter);
        using var early = await host.SignedInClientAsync(demoInterpreter);
        var offer = (await early.GetFromJsonAsync<JsonElement>($"{Api}/offers")).EnumerateArray()
            .First(o => o.GetProperty("language").GetString() == "ar");
        var booked = await (await early.PostAsync($"{Api}/offers/{offer.GetProperty("offerId").GetGuid()}/accept", null)).Content.ReadFromJsonAsync<JsonElement>();
        var bookingId = booked.GetProperty("bookingId").GetGuid();
        var job = (await early.GetFromJsonAsync<JsonElement>($"{Api}/jobs")).EnumerateArray().Single();
        var start = job.GetProperty("start").GetDateTimeOffset();
        var code = job.GetProperty("confirmationCode").GetString();

        var tooEarly = await early.PostAsJsonAsync($"{Api}/jobs/{bookingId}/record", new { actualStart = start, actualEnd = start.AddMinutes(90), travelMinutes = 30, kilometres = 12m });
        _clock.SetUtcNow(start.AddHours(3));

        // Sign in again after the clock jump: sign-in cookies last 8 hours on the host's clock.
        using var interpreter = await host.SignedInClientAsync(demoInterpreter);
        using var worker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        using var stranger = await host.SignedInClientAsync(await host.CreateUserAsync(await host.DemoOfficeAsync(), Roles.Interpreter));
        var backwards = await interpreter.PostAsJsonAsync($"{Api}/jobs/{bookingId}/record", new { actualStart = start, actualEnd = start.AddMinutes(-5), travelMinutes = 30, kilometres = 12m });
        var notMine = await stranger.PostAsJsonAsync($"{Api}/jobs/{bookingId}/record", new { actualStart = start, actualEnd = start.AddMinutes(90), travelMinutes = 30, kilometres = 12m });
        var recorded = await interpreter.PostAsJsonAsync($"{Api}/jobs/{bookingId}/record", new { actualStart = start, actualEnd = start.AddMinutes(90), travelMinutes = 30, kilometres = 12m });
        var wrongCode = await worker.PostAsJsonAsync($"{Api}/bookings/{bookingId}/confirm", new { code = "000000" });

        // The worker confirms on the request page: what the interpreter recorded is shown, a wrong code is refused there too.
        var requestId = booked.GetProperty("requestId").GetGuid();
        Assert.Contains($"/InterpreterBooking/Request/{requestId}#job", await worker.GetStringAsync("/InterpreterBooking/Requests"), StringComparison.Ordinal);
        var page = await worker.GetStringAsync($"/InterpreterBooking/Request/{requestId}");
        Assert.Contains("Einsatz bestätigen", page, StringComparison.Ordinal);
        Assert.DoesNotContain(code!, page, StringComparison.Ordinal);
        FormUrlEncodedContent Confirm(string withCode) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(page), ["bookingId"] = bookingId.ToString(), ["code"] = withCode,
        });
        using var wrongOnPage = await worker.PostAsync($"/InterpreterBooking/Request/{requestId}?handler=Confirm", Confirm("ABCDEF"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongOnPage.StatusCode);
        Assert.Contains("Der Code stimmt nicht", await wrongOnPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var confirmedOnPage = await worker.PostAsync($"/InterpreterBooking/Request/{requestId}?handler=Confirm", Confirm(code!));
        Assert.Equal(HttpStatusCode.Redirect, confirmedOnPage.StatusCode);
        var after = await worker.GetStringAsync($"/InterpreterBooking/Request/{requestId}");
        Assert.DoesNotContain("Einsatz bestätigen", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"/InterpreterBooking/Request/{requestId}#job", await worker.GetStringAsync("/InterpreterBooking/Requests"), StringComparison.Ordinal);
        var confirmed = await worker.PostAsJsonAsync($"{Api}/bookings/{bookingId}/confirm", new { code });

        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        // Confirmed once (on the page); a second confirmation is refused.
        Assert.Equal(HttpStatusCode.Conflict, confirmed.StatusCode);

        // 1.5 h x 45 + 0.5 h x 22.50 + 12 km x 0.30 (the demo interpreter's rates)
        var statement = await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/statements/{start.Year}/{start.Month}");
        Assert.Equal(82.35m, statement.GetProperty("total").GetProperty("amount").GetDecimal());
        var csv = await interpreter.GetStringAsync($"{Api}/statements/{start.Year}/{start.Month}.csv");
        Assert.Contains(";82.35;EUR", csv, StringComparison.Ordinal);
        // Without a profile there is no statement, and never someone else's.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api}/statements/{start.Year}/{start.Month}")).StatusCode);

        // The printable statement lists the job with its total; a month without confirmed jobs says so, with no table of nothing.
        var printable = await interpreter.GetStringAsync($"/InterpreterBooking/Statement?year={start.Year}&month={start.Month}");
        Assert.Contains("<td>82,35 EUR</td>", printable, StringComparison.Ordinal);
        Assert.DoesNotContain("Keine bestätigten Einsätze", printable, StringComparison.Ordinal);
        var emptyMonth = await interpreter.GetStringAsync("/InterpreterBooking/Statement?year=2020&month=1");
        Assert.Contains("Keine bestätigten Einsätze in diesem Monat.", emptyMonth, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", emptyMonth, StringComparison.Ordinal);

        var figures = await worker.GetFromJsonAsync<JsonElement>($"{Api}/figures/{start.Year}/{start.Month}");
        var arabic = figures.GetProperty("languages").EnumerateArray().Single(l => l.GetProperty("language").GetString() == "ar");
        Assert.Equal(1, arabic.GetProperty("confirmedJobs").GetInt32());
        Assert.Equal(1.5m, arabic.GetProperty("confirmedHours").GetDecimal());
        Assert.Equal(1, arabic.GetProperty("filled").GetInt32());
        Assert.Equal(1, figures.GetProperty("workload").GetArrayLength());
    }
}
