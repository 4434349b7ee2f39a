using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Tests.Flows;

/// <summary>
/// Appointments and InterpreterBooking together on the real host, through the HTTP APIs and the real outbox dispatch (no
/// handler is called by hand): a worker plans an appointment with an interpreter need, the interpreter accepts the offer,
/// the appointment shows the interpreter; moving it asks the interpreter to reconfirm; cancelling it cancels the booking and
/// the interpreter gets an email through the real SMTP server on loopback.
/// </summary>
public sealed class CrossModuleFlowTests
{
    private const string Api = "/api/interpreter-booking";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Appointment_with_an_interpreter_need_is_booked_moved_reconfirmed_and_cancelled_across_modules(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var booking = await BookingHost.StartAsync(provider, settings: new Dictionary<string, string?>(smtp.HostSettings));
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Flow office");
        var worker = await host.CreateUserAsync(office, Roles.Streetworker, "Wera Worker");
        var interpreter = await host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        await booking.AddProfileAsync(office, interpreter.Id, "Amal Haddad");
        using var workerHttp = await host.SignedInClientAsync(worker);
        using var interpreterHttp = await host.SignedInClientAsync(interpreter);

        // A weekday ten days ahead, 10:00 office time.
        var day = DateTime.UtcNow.Date.AddDays(10);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var start = day.AddHours(10);
        Guid appointmentId;
        using (var created = await workerHttp.PostAsJsonAsync("/api/appointments", new
        {
            kind = "counselling",
            placeKind = "address",
            placeText = "Beratungsstelle, Raum 2",
            topic = "Jobcenter-Bescheid",
            start,
            end = start.AddHours(1),
            clientIds = Array.Empty<Guid>(),
            interpreter = new { language = "ar", dialect = "Levantine", modality = "in_person" },
            confirmWarnings = true,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            appointmentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appointmentIds")[0].GetGuid();
        }

        // AppointmentScheduled → request → offer, and the offer email.
        var offer = await EventuallyAsync(async () =>
        {
            var offers = await interpreterHttp.GetFromJsonAsync<JsonElement>($"{Api}/offers");
            return offers.GetArrayLength() == 1 ? offers[0] : (JsonElement?)null;
        });
        Assert.Equal("ar", offer.GetProperty("language").GetString());
        var offerMail = await MailAsync(smtp, interpreter.UserName, "neue Anfrage");
        Assert.DoesNotContain("Jobcenter", offerMail.Body, StringComparison.Ordinal);

        // The mail's link is absolute (a mail program cannot resolve a path) and accepts without signing in.
        var link = System.Text.RegularExpressions.Regex.Match(offerMail.Body, @"(https?://\S+)/InterpreterBooking/Link/(\S+)");
        Assert.True(link.Success, offerMail.Body);
        using (var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            var path = $"/InterpreterBooking/Link/{link.Groups[2].Value}";
            var linkPage = await anonymous.GetStringAsync(path);
            Assert.Contains("Annehmen", linkPage, StringComparison.Ordinal);
            using var accepted = await anonymous.PostAsync($"{path}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignIn.FormToken(linkPage),
            }));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Contains("Angenommen", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var wrongToken = await anonymous.GetAsync("/InterpreterBooking/Link/not-a-token");
            Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        }

        // InterpreterBooked → the appointment shows the interpreter (API and page).
        var appointment = await EventuallyAsync(async () =>
        {
            var details = await workerHttp.GetFromJsonAsync<JsonElement>($"/api/appointments/{appointmentId}");
            return details.GetProperty("interpreterStatus").GetString() == "booked" ? details : (JsonElement?)null;
        });
        Assert.Equal("Amal Haddad", appointment.GetProperty("interpreterName").GetString());
        var page = await workerHttp.GetStringAsync($"/Appointments/Details/{appointmentId}");
        Assert.Contains("Amal Haddad", page, StringComparison.Ordinal);

        // Rescheduled → the interpreter is asked to reconfirm (portal state and email), and does.
        using (var moved = await workerHttp.PostAsJsonAsync($"/api/appointments/{appointmentId}/reschedule", new
        {
            version = appointment.GetProperty("version").GetInt32(),
            start = start.AddHours(3),
            end = start.AddHours(4),
            confirmWarnings = true,
        }))
        {
            Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        }

        var job = await EventuallyAsync(async () =>
        {
            var jobs = await interpreterHttp.GetFromJsonAsync<JsonElement>($"{Api}/jobs");
            return jobs.GetArrayLength() == 1 && jobs[0].GetProperty("state").GetInt32() == (int)BookingState.AwaitingReconfirmation ? jobs[0] : (JsonElement?)null;
        });
        Assert.Contains("Termin geändert", (await MailAsync(smtp, interpreter.UserName, "Termin geändert")).Subject, StringComparison.Ordinal);
        // The worker to contact about the job, as the interpreter sees it.
        Assert.Equal("Wera Worker", job.GetProperty("contactName").GetString());
        Assert.Equal(worker.UserName, job.GetProperty("contactEmail").GetString());
        var bookingId = job.GetProperty("bookingId").GetGuid();
        using (var reconfirmed = await interpreterHttp.PostAsJsonAsync($"{Api}/jobs/{bookingId}/reconfirm", new { confirmed = true }))
        {
            Assert.Equal(HttpStatusCode.NoContent, reconfirmed.StatusCode);
        }

        var stored = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.Id == bookingId));
        Assert.Equal(BookingState.Booked, stored.State);

        // Cancelled → booking cancelled, the interpreter told by email, the job gone from the portal.
        var current = await workerHttp.GetFromJsonAsync<JsonElement>($"/api/appointments/{appointmentId}");
        using (var cancelled = await workerHttp.PostAsJsonAsync($"/api/appointments/{appointmentId}/cancel", new
        {
            version = current.GetProperty("version").GetInt32(),
            cancelledBy = "client",
            reason = "krank",
        }))
        {
            Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        }

        var cancellation = await MailAsync(smtp, interpreter.UserName, "abgesagt");
        Assert.DoesNotContain("Kurzfristige Absage", cancellation.Body, StringComparison.Ordinal);
        // The mail goes out from inside the event handler; the dispatcher commits right after it.
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            await Task.Delay(100);
            stored = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.Id == bookingId));
        }
        while (stored.State != BookingState.Cancelled && DateTime.UtcNow < deadline);

        Assert.Equal(BookingState.Cancelled, stored.State);
        Assert.False(stored.Billable);
        Assert.Equal(0, (await interpreterHttp.GetFromJsonAsync<JsonElement>($"{Api}/jobs")).GetArrayLength());
        var request = await booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.AppointmentId == appointmentId));
        Assert.Equal(RequestState.Cancelled, request.State);
        // Each change reached the interpreter exactly once.
        Assert.Equal(3, smtp.Messages().Count(m => m.To == interpreter.UserName));
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The outbox did not deliver the event in time.");
            await Task.Delay(100);
        }
    }

    private static async Task<ReceivedEmail> MailAsync(SmtpTestServer smtp, string to, string subjectPart) =>
        await smtp.WaitForAsync(m => m.To == to && m.Subject.Contains(subjectPart, StringComparison.Ordinal), Patience)
        ?? throw new Xunit.Sdk.XunitException($"No email '{subjectPart}' to {to}.");
}
