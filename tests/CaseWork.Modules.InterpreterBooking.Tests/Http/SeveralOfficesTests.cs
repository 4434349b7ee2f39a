using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>
/// Interpreters serving several offices (ADR 0038): another office reaches an interpreter only through an invitation the
/// interpreter accepts; the profile is shared, the fee rates are each office's own, and the statement prices each job at
/// its office's rates.
/// </summary>
public sealed class SeveralOfficesTests
{
    private const string Api = "/api/interpreter-booking";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static object Profile(int? version, int? termsVersion, decimal hourly, string phone = "+49 30 1111") => new
    {
        email = "nour@example.test",
        phone,
        gender = "female",
        languages = new[] { new { language = "ar", dialects = new[] { "Iraqi" }, qualification = 0 } },
        modalities = 3,
        districts = Array.Empty<string>(),
        travelRadiusKm = 20,
        dailyMaximum = 4,
        fees = new { hourly, travelTimeHourly = 20m, perKilometre = 0.3m, currency = "EUR" },
        version,
        termsVersion,
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_office_reaches_an_interpreter_only_through_an_accepted_invitation_and_keeps_its_own_rates(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var home = await host.DemoOfficeAsync();
        var nour = await host.CreateUserAsync(home, Roles.Interpreter, "Nour Aziz");
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        using var homeWorker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        using var otherWorker = await host.SignedInClientAsync(await host.CreateUserAsync(neighbour, Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);
        var otherInterpreterUser = await host.CreateUserAsync(home, Roles.Interpreter);
        using var otherInterpreter = await host.SignedInClientAsync(otherInterpreterUser);
        using (var added = await homeWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}", Profile(null, null, 45m)))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        // Another office can neither read nor overwrite the profile of an interpreter it was not accepted by.
        using (var foreign = await otherWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}", Profile(null, null, 99m, phone: "+49 0000")))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await otherWorker.GetAsync($"{Api}/pool/{nour.Id.Value}")).StatusCode);
        Assert.Equal("+49 30 1111", (await booking.WithDbAsync(db => db.Interpreters.SingleAsync(p => p.Id == nour.Id))).Phone);
        Assert.Equal(1, await booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().CountAsync(m => m.InterpreterId == nour.Id)));

        // A bad address is a field error and stores nothing.
        using (var bad = await otherWorker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = "not an address" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("email", await bad.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using (var noDomain = await otherWorker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = "nour@localhost" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noDomain.StatusCode);
        }

        // The home office has Nour in its pool and its other interpreter account to add directly: neither needs an invitation.
        using (var member = await homeWorker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = nour.UserName }))
        {
            Assert.Equal(HttpStatusCode.Conflict, member.StatusCode);
            Assert.Contains("already-in-pool", await member.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var own = await homeWorker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = otherInterpreterUser.UserName }))
        {
            Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
            Assert.Contains("own-account", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await booking.WithDbAsync(db => db.PoolInvitations.IgnoreQueryFilters().AnyAsync()));
        Assert.False(await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AnyAsync(n => n.Kind == NotificationKind.Invitation)));

        // Inviting the same address twice while the first is open is one invitation; case and spaces do not matter.
        var invitationId = await InviteAsync(otherWorker, "  " + nour.UserName.ToUpperInvariant() + " ");
        Assert.Equal(invitationId, await InviteAsync(otherWorker, nour.UserName));
        // One mail, to the address as normalised, about this invitation (sent after the commit; see the mail test below).
        var mail = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.Kind == NotificationKind.Invitation).ToListAsync());
        Assert.Equal((nour.UserName, invitationId, neighbour), (Assert.Single(mail).Address, mail[0].RequestId, mail[0].OfficeId));
        var listed = (await otherWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/invitations")).EnumerateArray().Single();
        Assert.Equal(nour.UserName, listed.GetProperty("email").GetString());

        // Only the addressee sees and answers it; the home office cannot withdraw another office's invitation.
        Assert.Empty((await otherInterpreter.GetFromJsonAsync<JsonElement>($"{Api}/invitations")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherInterpreter.PostAsync($"{Api}/invitations/{invitationId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await homeWorker.PostAsync($"{Api}/pool/invitations/{invitationId}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interpreter.GetAsync($"{Api}/pool/invitations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherWorker.GetAsync($"{Api}/invitations")).StatusCode);
        var mine = (await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/invitations")).EnumerateArray().Single();
        Assert.Equal("Nachbarbezirk", mine.GetProperty("officeName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await otherWorker.GetAsync($"{Api}/pool/{nour.Id.Value}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await interpreter.PostAsync($"{Api}/invitations/{invitationId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await interpreter.PostAsync($"{Api}/invitations/{invitationId}/decline", null)).StatusCode);
        Assert.Empty((await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/invitations")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await otherWorker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = nour.UserName })).StatusCode);

        // Now the neighbour office sees the shared profile, with no rates agreed yet, and agrees its own.
        var there = await otherWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}");
        Assert.Equal("+49 30 1111", there.GetProperty("phone").GetString());
        Assert.Equal(0m, there.GetProperty("fees").GetProperty("hourly").GetDecimal());
        Assert.Contains((await otherWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool")).EnumerateArray(),
            m => m.GetProperty("interpreterId").GetGuid() == nour.Id.Value);
        using (var agreed = await otherWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}",
                   Profile(there.GetProperty("version").GetInt32(), there.GetProperty("termsVersion").GetInt32(), 60m, phone: "+49 30 2222")))
        {
            Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        }

        var home1 = await homeWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}");
        Assert.Equal(45m, home1.GetProperty("fees").GetProperty("hourly").GetDecimal());
        Assert.Equal("+49 30 2222", home1.GetProperty("phone").GetString());
        Assert.Equal(60m, (await otherWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}")).GetProperty("fees").GetProperty("hourly").GetDecimal());

        // The home office's rates are guarded by their own version: a form read before a change of the rates is refused.
        var terms = home1.GetProperty("termsVersion").GetInt32();
        using (var changed = await homeWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}", Profile(home1.GetProperty("version").GetInt32(), terms, 46m, "+49 30 2222")))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            var saved = await changed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(terms + 1, saved.GetProperty("termsVersion").GetInt32());
            Assert.Equal(home1.GetProperty("version").GetInt32(), saved.GetProperty("version").GetInt32());
        }

        var current = (await homeWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}")).GetProperty("version").GetInt32();
        using (var stale = await homeWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}", Profile(current, terms, 50m, "+49 30 2222")))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Equal(46m, (await homeWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}")).GetProperty("fees").GetProperty("hourly").GetDecimal());

        // And a profile edit by one office makes the other's older form stale: the shared profile is never silently overwritten.
        using (var staleProfile = await otherWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}",
                   Profile(there.GetProperty("version").GetInt32(), null, 60m, phone: "+49 30 3333")))
        {
            Assert.Equal(HttpStatusCode.Conflict, staleProfile.StatusCode);
        }
    }

    [Fact]
    public async Task Declined_withdrawn_and_expired_invitations_cannot_be_accepted()
    {
        var clock = new FakeTimeProvider(Now);
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite, services => services.AddSingleton<TimeProvider>(clock));
        var host = booking.Host;
        var nour = await host.CreateUserAsync(await host.DemoOfficeAsync(), Roles.Interpreter, "Nour Aziz");
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        var coordinator = await host.CreateUserAsync(neighbour, Roles.Supervisor);

        using (var worker = await host.SignedInClientAsync(coordinator))
        using (var interpreter = await host.SignedInClientAsync(nour))
        {
            var declined = await InviteAsync(worker, nour.UserName);
            Assert.Equal(HttpStatusCode.NoContent, (await interpreter.PostAsync($"{Api}/invitations/{declined}/decline", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await interpreter.PostAsync($"{Api}/invitations/{declined}/accept", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsync($"{Api}/pool/invitations/{declined}/withdraw", null)).StatusCode);

            // A declined invitation is answered; the office may ask again, and take that back.
            var withdrawn = await InviteAsync(worker, nour.UserName);
            Assert.NotEqual(declined, withdrawn);
            Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsync($"{Api}/pool/invitations/{withdrawn}/withdraw", null)).StatusCode);
            Assert.Empty((await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/invitations")).EnumerateArray());
            Assert.Equal(HttpStatusCode.Conflict, (await interpreter.PostAsync($"{Api}/invitations/{withdrawn}/accept", null)).StatusCode);

            await InviteAsync(worker, nour.UserName);
        }

        clock.Advance(PoolInvitation.Lifetime + TimeSpan.FromMinutes(1));
        using (var worker = await host.SignedInClientAsync(coordinator))
        using (var interpreter = await host.SignedInClientAsync(nour))
        {
            Assert.Empty((await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/invitations")).EnumerateArray());
            // The third invitation, never answered, is now expired.
            var expired = (await worker.GetFromJsonAsync<JsonElement>($"{Api}/pool/invitations")).EnumerateArray()
                .Single(i => i.GetProperty("state").GetInt32() == (int)InvitationState.Pending);
            Assert.True(expired.GetProperty("expired").GetBoolean());
            var id = expired.GetProperty("invitationId").GetGuid();
            Assert.Equal(HttpStatusCode.Conflict, (await interpreter.PostAsync($"{Api}/invitations/{id}/accept", null)).StatusCode);
        }

        Assert.False(await booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().AnyAsync(m => m.InterpreterId == nour.Id && m.OfficeId == neighbour)));
    }

    [Fact]
    public async Task An_invitation_reaches_the_invited_address_by_mail_once_with_the_office_the_deadline_and_the_portal()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>(smtp.HostSettings));
        var host = booking.Host;
        var nour = await host.CreateUserAsync(await host.DemoOfficeAsync(), Roles.Interpreter, "Nour Aziz");
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(neighbour, Roles.Streetworker));

        // Refused invitations send nothing.
        using (var bad = await worker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = "nour at example" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var invitationId = await InviteAsync(worker, " " + nour.UserName.ToUpperInvariant());
        var mail = await smtp.WaitForAsync(m => m.To == nour.UserName && m.Subject.Contains("Einladung", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.NotNull(mail);
        Assert.Contains("invitation to an interpreter pool", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Nachbarbezirk", mail.Body, StringComparison.Ordinal);
        Assert.Contains("/InterpreterBooking/Portal", mail.Body, StringComparison.Ordinal);
        var expires = (await worker.GetFromJsonAsync<JsonElement>($"{Api}/pool/invitations")).EnumerateArray().Single().GetProperty("expiresAt").GetDateTimeOffset();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Contains(TimeZoneInfo.ConvertTime(expires, berlin).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), mail.Body, StringComparison.Ordinal);

        // Asking again while the invitation is open is the same invitation and no second mail.
        Assert.Equal(invitationId, await InviteAsync(worker, nour.UserName));
        Assert.Equal(1, await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.Kind == NotificationKind.Invitation)));
        Assert.Single(smtp.Messages(), m => m.To == nour.UserName);
    }

    [Fact]
    public async Task The_pool_page_invites_and_the_portal_accepts_in_the_browser_forms()
    {
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);
        var host = booking.Host;
        var nour = await host.CreateUserAsync(await host.DemoOfficeAsync(), Roles.Interpreter, "Nour Aziz");
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(neighbour, Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);

        var page = await worker.GetStringAsync("/InterpreterBooking/Pool");
        Assert.Contains("Sprachmittler*innen anderer Stellen einladen", page, StringComparison.Ordinal);
        using (var bad = await worker.PostAsync("/InterpreterBooking/Pool?handler=Invite", Form(page, ("InviteEmail", "kein@x"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var body = await bad.Content.ReadAsStringAsync();
            Assert.Contains("Bitte eine gültige E-Mail-Adresse angeben, z. B. name@beispiel.de.", body, StringComparison.Ordinal);
            Assert.Contains("value=\"kein@x\"", body, StringComparison.Ordinal);
        }

        using (var invited = await worker.PostAsync("/InterpreterBooking/Pool?handler=Invite", Form(page, ("InviteEmail", nour.UserName))))
        {
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }

        var after = await worker.GetStringAsync("/InterpreterBooking/Pool");
        Assert.Contains(nour.UserName, after, StringComparison.Ordinal);
        Assert.Contains("Zurückziehen", after, StringComparison.Ordinal);

        var portal = await interpreter.GetStringAsync("/InterpreterBooking/Portal");
        Assert.Contains("Nachbarbezirk", portal, StringComparison.Ordinal);
        var invitationId = await booking.WithDbAsync(db => db.PoolInvitations.IgnoreQueryFilters().Select(i => i.Id).SingleAsync());
        using (var accepted = await interpreter.PostAsync($"/InterpreterBooking/Portal?handler=AnswerInvitation&invitationId={invitationId}&accept=true", Form(portal)))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        Assert.Contains("Einladung angenommen", await interpreter.GetStringAsync("/InterpreterBooking/Portal"), StringComparison.Ordinal);
        using (var again = await interpreter.PostAsync($"/InterpreterBooking/Portal?handler=AnswerInvitation&invitationId={invitationId}&accept=false", Form(portal)))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("Diese Einladung ist nicht mehr offen", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var pool = await worker.GetStringAsync("/InterpreterBooking/Pool");
        Assert.Contains("Nour Aziz", pool, StringComparison.Ordinal);
        Assert.Contains("angenommen", pool, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statement_prices_each_job_at_its_offices_rates_and_sums_per_office()
    {
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);
        var host = booking.Host;
        var home = await host.DemoOfficeAsync();
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        var nour = await host.CreateUserAsync(home, Roles.Interpreter, "Nour Aziz");
        var worker = await host.DemoUserAsync(Roles.Streetworker);
        await booking.AddProfileAsync(home, nour.Id, "Nour Aziz");
        await booking.WithDbAsync(async db =>
        {
            (await db.PoolMemberships.IgnoreQueryFilters().SingleAsync(m => m.InterpreterId == nour.Id)).Fees = new FeeRates(45m, 20m, 0.3m, "EUR");
            db.PoolMemberships.Add(new PoolMembership(neighbour, nour.Id, Now) { Fees = new FeeRates(60m, 0m, 0m, "EUR") });
            var policy = new BookingPolicy(home);
            // One hour for the home office, two for the neighbour, one more hour (with 30 min travel and 10 km) for the home office.
            AddConfirmedJob(db, home, nour.Id, worker.Id, policy, new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero), 60, 30, 10m);
            AddConfirmedJob(db, neighbour, nour.Id, worker.Id, policy, new DateTimeOffset(2026, 10, 6, 8, 0, 0, TimeSpan.Zero), 120, 0, 0m);
            AddConfirmedJob(db, home, nour.Id, worker.Id, policy, new DateTimeOffset(2026, 10, 7, 8, 0, 0, TimeSpan.Zero), 60, 0, 0m);
            await db.SaveChangesAsync();
            return 0;
        });

        using var interpreter = await host.SignedInClientAsync(nour);
        var statement = await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/statements/2026/10");
        var fees = statement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("fee").GetProperty("amount").GetDecimal()).ToList();
        // 45 + 0.5 h x 20 + 10 km x 0.30 = 58; 2 h x 60 = 120; 45.
        Assert.Equal([58m, 120m, 45m], fees);
        Assert.Equal(223m, statement.GetProperty("total").GetProperty("amount").GetDecimal());
        var offices = statement.GetProperty("offices").EnumerateArray()
            .ToDictionary(o => o.GetProperty("officeName").GetString()!, o => (Jobs: o.GetProperty("jobs").GetInt32(), Fee: o.GetProperty("fee").GetProperty("amount").GetDecimal()));
        Assert.Equal((1, 120m), offices["Nachbarbezirk"]);
        Assert.Equal((2, 103m), offices.Single(o => o.Key != "Nachbarbezirk").Value);

        var page = await interpreter.GetStringAsync("/InterpreterBooking/Statement?year=2026&month=10");
        Assert.Contains("Je Stelle", page, StringComparison.Ordinal);
        Assert.Contains("Nachbarbezirk", page, StringComparison.Ordinal);
    }

    private static void AddConfirmedJob(InterpreterBooking.Infrastructure.Persistence.InterpreterBookingDbContext db, OfficeId office, UserId interpreter, UserId worker,
        BookingPolicy policy, DateTimeOffset start, int minutes, int travelMinutes, decimal kilometres)
    {
        var created = start.AddDays(-7);
        var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", Modality.InPerson, start, start.AddMinutes(minutes), "Raum 1", null,
            SubjectArea.Health, null, null, null, null, policy, created);
        Assert.True(request.Assign(interpreter, created).IsSuccess);
        var job = new Booking(request, interpreter, created);
        Assert.True(job.Record(start, start.AddMinutes(minutes), travelMinutes, kilometres, start.AddHours(3)).IsSuccess);
        Assert.True(job.Confirm(worker, null, start.AddHours(4)).IsSuccess);
        db.Requests.Add(request);
        db.Bookings.Add(job);
    }

    private static async Task<Guid> InviteAsync(HttpClient coordinator, string email)
    {
        using var response = await coordinator.PostAsJsonAsync($"{Api}/pool/invitations", new { email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", SignIn.FormToken(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
}
