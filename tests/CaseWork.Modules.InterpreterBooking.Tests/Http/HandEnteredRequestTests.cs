using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Flows;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>A worker changes and cancels a request entered by hand (ADR 0036); one from an appointment is changed there.</summary>
public sealed class HandEnteredRequestTests
{
    private const string Api = "/api/interpreter-booking";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Changing_matching_facts_withdraws_offers_and_offers_again_other_changes_keep_them(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Edit office");
        await booking.AddInterpretersAsync(office, 4);
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));
        var start = DateTimeOffset.UtcNow.Date.AddDays(15).AddHours(9);
        var id = await CreateAsync(worker, start);
        Assert.Equal(3, (await LoadAsync(booking, id)).PendingOffers.Count());

        var quiet = await worker.PutAsJsonAsync($"{Api}/requests/{id}", Body(start, version: 0, place: "Raum 3", notes: "Bitte klingeln"));
        Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
        var quietResult = await quiet.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(quietResult.GetProperty("newRound").GetBoolean());
        var request = await LoadAsync(booking, id);
        Assert.Equal(("Raum 3", "Bitte klingeln", 3), (request.Place, request.Notes, request.PendingOffers.Count()));

        // Nobody speaks Iraqi Arabic: the offers are withdrawn and nobody new is asked.
        var iraqi = await worker.PutAsJsonAsync($"{Api}/requests/{id}", Body(start, version: 1, dialect: "Iraqi"));
        Assert.Equal(HttpStatusCode.OK, iraqi.StatusCode);
        request = await LoadAsync(booking, id);
        Assert.Equal(RequestState.Open, request.State);
        Assert.Equal(3, request.Offers.Count(o => o.State == OfferState.Withdrawn));
        Assert.Empty(request.PendingOffers);

        // Back to Levantine at another time: a new round, in which the same people may be asked again.
        var moved = await worker.PutAsJsonAsync($"{Api}/requests/{id}", Body(start.AddHours(2), version: 2));
        var movedResult = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(movedResult.GetProperty("newRound").GetBoolean());
        Assert.Equal(3, movedResult.GetProperty("offersMade").GetInt32());
        request = await LoadAsync(booking, id);
        Assert.Equal((RequestState.Offered, 2, start.AddHours(2)), (request.State, request.Round, request.Start));
        Assert.All(request.PendingOffers, o => Assert.Equal(2, o.Round));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Stale_bad_foreign_filled_and_appointment_requests_are_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Refusing office");
        var other = await host.CreateOfficeAsync("Other office");
        var pool = await booking.AddInterpretersAsync(office, 2);
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Supervisor));
        using var stranger = await host.SignedInClientAsync(await host.CreateUserAsync(other, Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Interpreter));
        using var admin = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Administrator));
        var start = DateTimeOffset.UtcNow.Date.AddDays(15).AddHours(9);
        var id = await CreateAsync(worker, start);
        var before = await LoadAsync(booking, id);

        var stale = await worker.PutAsJsonAsync($"{Api}/requests/{id}", Body(start.AddHours(1), version: 7));
        var bad = await worker.PutAsJsonAsync($"{Api}/requests/{id}", Body(start.AddDays(-30), version: 0, language: "xx", duration: 5, place: ""));
        var noReason = await worker.PostAsJsonAsync($"{Api}/requests/{id}/cancel", new { reason = " ", version = 0 });
        var staleCancel = await worker.PostAsJsonAsync($"{Api}/requests/{id}/cancel", new { reason = "Termin entfällt", version = 3 });
        var foreign = await stranger.PutAsJsonAsync($"{Api}/requests/{id}", Body(start, version: 0));
        var foreignCancel = await stranger.PostAsJsonAsync($"{Api}/requests/{id}/cancel", new { reason = "x", version = 0 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "language", "start", "durationMinutes", "place" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Conflict, staleCancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCancel.StatusCode);
        foreach (var client in new[] { interpreter, admin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"{Api}/requests/{id}", Body(start, version: 0))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Api}/requests/{id}/cancel", new { reason = "x", version = 0 })).StatusCode);
        }

        var after = await LoadAsync(booking, id);
        Assert.Equal((before.Version, before.State, before.Start, before.Place), (after.Version, after.State, after.Start, after.Place));
        Assert.Equal(before.PendingOffers.Count(), after.PendingOffers.Count());

        // Filled: no more changes (cancelling still works, see below).
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Api}/requests/{id}/assign", new { interpreterId = pool[0].Id.Value })).StatusCode);
        var filled = await LoadAsync(booking, id);
        var refused = await worker.PutAsJsonAsync($"{Api}/requests/{id}", Body(start, version: filled.Version, place: "anderswo"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("request-not-editable", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // From an appointment: changed and cancelled through the appointment.
        var fromAppointment = await booking.WithDbAsync(async db =>
        {
            var r = InterpreterRequest.Create(office, Guid.NewGuid(), [], "ar", null, Modality.Phone, start, start.AddHours(1), "Telefon", null,
                SubjectArea.Health, null, null, null, null, BookingPolicy.Default(office), DateTimeOffset.UtcNow);
            db.Requests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var edited = await worker.PutAsJsonAsync($"{Api}/requests/{fromAppointment}", Body(start, version: 0));
        var cancelled = await worker.PostAsJsonAsync($"{Api}/requests/{fromAppointment}/cancel", new { reason = "x", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        Assert.Contains("request-from-appointment", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RequestState.Open, (await LoadAsync(booking, fromAppointment)).State);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cancelling_withdraws_offers_or_cancels_the_booking_late_ones_billable_and_tells_the_interpreter(DatabaseProvider provider)
    {
        var mail = new RecordingEmailSender();
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<IEmailSender>(mail));
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Cancel office");
        var person = await host.CreateUserAsync(office, Roles.Interpreter, "Amal Haddad");
        await booking.AddProfileAsync(office, person.Id, "Amal Haddad");
        await booking.AddInterpretersAsync(office, 2);
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));

        // Offered, nobody accepted: the offers are withdrawn, nobody is told.
        var offered = await CreateAsync(worker, DateTimeOffset.UtcNow.Date.AddDays(20).AddHours(9));
        var cancelOffered = await worker.PostAsJsonAsync($"{Api}/requests/{offered}/cancel", new { reason = "Termin entfällt", version = 0 });
        Assert.Equal(HttpStatusCode.OK, cancelOffered.StatusCode);
        var request = await LoadAsync(booking, offered);
        Assert.Equal((RequestState.Cancelled, "Termin entfällt"), (request.State, request.CancellationReason));
        Assert.All(request.Offers, o => Assert.Equal(OfferState.Withdrawn, o.State));
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"{Api}/requests/{offered}/cancel", new { reason = "noch mal", version = request.Version })).StatusCode);

        // Booked, ten hours ahead (inside the 24 h window): the booking is cancelled, billable, and the interpreter is told.
        var soon = await CreateAsync(worker, DateTimeOffset.UtcNow.AddHours(10));
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Api}/requests/{soon}/assign", new { interpreterId = person.Id.Value })).StatusCode);
        var version = (await LoadAsync(booking, soon)).Version;
        var cancelBooked = await worker.PostAsJsonAsync($"{Api}/requests/{soon}/cancel", new { reason = "Klientin krank", version });
        Assert.Equal(HttpStatusCode.OK, cancelBooked.StatusCode);
        var result = await cancelBooked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("interpreterCancelled").GetBoolean());
        Assert.True(result.GetProperty("billable").GetBoolean());
        var cancelledBooking = await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().SingleAsync(b => b.RequestId == soon));
        Assert.Equal((BookingState.Cancelled, true, "Klientin krank"), (cancelledBooking.State, cancelledBooking.Billable, cancelledBooking.CancellationReason));
        Assert.Null(cancelledBooking.ActiveRequestId);
        var outbox = await booking.WithDbAsync(db => db.OutboxMessages.Where(m => m.Type.Contains("InterpreterBookingCancelled")).Select(m => m.Content).ToListAsync());
        Assert.Contains(outbox, c => c.Contains(soon.ToString(), StringComparison.Ordinal));
        var told = await mail.WaitForAsync(person.UserName, "abgesagt");
        Assert.Contains("vergütet", told.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_request_page_changes_and_cancels_and_points_appointment_requests_to_the_appointment(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var office = await host.CreateOfficeAsync("Page office");
        await booking.AddInterpretersAsync(office, 1);
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(office, Roles.Streetworker));
        var start = DateTimeOffset.UtcNow.Date.AddDays(15).AddHours(9);
        var id = await CreateAsync(worker, start);
        var path = $"/InterpreterBooking/Request/{id}";

        var html = await worker.GetStringAsync(path);
        Assert.Contains("Anfrage ändern", html, StringComparison.Ordinal);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(html),
            ["version"] = "0",
            ["Edit.Language"] = "ar",
            ["Edit.Dialect"] = "Levantine",
            ["Edit.Modality"] = "Phone",
            ["Edit.Date"] = "",
            ["Edit.Time"] = "10:00",
            ["Edit.DurationMinutes"] = "90",
            ["Edit.Place"] = "Telefon",
            ["Edit.SubjectArea"] = "Health",
        };
        var missingDate = await worker.PostAsync(path + "?handler=Edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, missingDate.StatusCode);
        Assert.Contains("Bitte ein Datum angeben.", await missingDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        form["Edit.Date"] = start.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var changed = await worker.PostAsync(path + "?handler=Edit", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var request = await LoadAsync(booking, id);
        Assert.Equal(90, (int)request.Duration.TotalMinutes);
        Assert.Equal(1, request.Round);

        var staleCancel = await worker.PostAsync(path + "?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(html), ["version"] = "0", ["reason"] = "entfällt",
        }));
        Assert.Equal(HttpStatusCode.Conflict, staleCancel.StatusCode);
        Assert.Contains("Jemand anderes hat die Anfrage inzwischen geändert", await staleCancel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cancel = await worker.PostAsync(path + "?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(html), ["version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "entfällt",
        }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var cancelledPage = await worker.GetStringAsync(cancel.Headers.Location!.ToString());
        Assert.Contains("entfällt", cancelledPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Anfrage ändern", cancelledPage, StringComparison.Ordinal);

        var fromAppointment = await booking.WithDbAsync(async db =>
        {
            var r = InterpreterRequest.Create(office, Guid.NewGuid(), [], "ar", null, Modality.Phone, start, start.AddHours(1), "Telefon", null,
                SubjectArea.Health, null, null, null, null, BookingPolicy.Default(office), DateTimeOffset.UtcNow);
            db.Requests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var appointmentPage = await worker.GetStringAsync($"/InterpreterBooking/Request/{fromAppointment}");
        Assert.Contains("Diese Anfrage gehört zu einem Termin.", appointmentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Anfrage ändern", appointmentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Anfrage absagen", appointmentPage, StringComparison.Ordinal);
    }

    private static object Body(DateTimeOffset start, int version, string language = "ar", string? dialect = "Levantine", int duration = 60, string place = "Telefon", string? notes = null) => new
    {
        language, dialect, modality = 1, start, durationMinutes = duration, place, subjectArea = 2, notes, version,
    };

    private static async Task<Guid> CreateAsync(HttpClient worker, DateTimeOffset start)
    {
        var created = await worker.PostAsJsonAsync($"{Api}/requests", new
        {
            language = "ar", dialect = "Levantine", modality = 1, start, durationMinutes = 60, place = "Telefon", subjectArea = 2,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
    }

    private static Task<InterpreterRequest> LoadAsync(BookingHost booking, Guid id) =>
        booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id));
}
