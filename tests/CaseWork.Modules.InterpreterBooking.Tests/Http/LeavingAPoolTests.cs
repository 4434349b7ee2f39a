using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Notifications;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Tests.Flows;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>
/// Leaving an interpreter pool (ADR 0048): the interpreter leaves in the portal, or a coordinator takes a member out. The row
/// stays with its rates for the statement; the office no longer matches, offers to or shows the interpreter; its pending offers
/// are withdrawn; upcoming jobs with the office keep the membership; coming back takes a new invitation and brings the old
/// rates back. Every refusal leaves the store as it was.
/// </summary>
public sealed class LeavingAPoolTests
{
    private const string Api = "/api/interpreter-booking";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_interpreter_leaves_an_offices_pool_which_then_neither_matches_offers_nor_shows_them_and_the_statement_keeps_its_rates(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var host = booking.Host;
        var (home, neighbour, nour) = await TwoOfficesAsync(booking);
        var homeWorker = await host.DemoUserAsync(Roles.Streetworker);
        using var neighbourWorker = await host.SignedInClientAsync(await host.CreateUserAsync(neighbour, Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);
        using var otherInterpreter = await host.SignedInClientAsync(await host.CreateUserAsync(home, Roles.Interpreter, "Other Interpreter"));

        // A past job for the neighbour, priced at its 60 EUR; a pending offer of each office.
        var past = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(-45).AddHours(8), TimeSpan.Zero);
        await booking.WithDbAsync(async db =>
        {
            AddConfirmedJob(db, neighbour, nour.Id, homeWorker.Id, past, 120);
            await db.SaveChangesAsync();
            return 0;
        });
        var profile = await booking.WithDbAsync(db => db.Interpreters.AsNoTracking().SingleAsync(p => p.Id == nour.Id));
        var future = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(20).AddHours(9), TimeSpan.Zero);
        var neighbourRequest = await booking.AddOfferedRequestAsync(neighbour, [profile], future, Modality.Phone);
        var homeRequest = await booking.AddOfferedRequestAsync(home, [profile], future.AddDays(1), Modality.Phone);
        Assert.Contains(nour.Id, await ConsideredAsync(booking, neighbour));

        var offices = await MembershipsAsync(interpreter);
        Assert.Equal(2, offices.Count);
        var there = offices.Single(o => o.GetProperty("officeId").GetGuid() == neighbour.Value);
        Assert.Equal("Nachbarbezirk", there.GetProperty("officeName").GetString());
        var version = there.GetProperty("version").GetInt32();

        // Refusals: another interpreter has no membership there; a stale version; neither changes anything.
        var before = await SnapshotAsync(booking);
        using (var foreign = await otherInterpreter.PostAsJsonAsync($"{Api}/memberships/{neighbour.Value}/leave", new { version }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await interpreter.PostAsJsonAsync($"{Api}/memberships/{Guid.NewGuid()}/leave", new { version })).StatusCode);
        using (var stale = await interpreter.PostAsJsonAsync($"{Api}/memberships/{neighbour.Value}/leave", new { version = version + 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("concurrent-edit", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync(booking));

        using (var left = await interpreter.PostAsJsonAsync($"{Api}/memberships/{neighbour.Value}/leave", new { version }))
        {
            Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        }

        // The row stays, ended, with its rates; the home office's membership is untouched.
        var memberships = await booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.InterpreterId == nour.Id).ToListAsync());
        var ended = memberships.Single(m => m.OfficeId == neighbour);
        Assert.NotNull(ended.LeftAt);
        Assert.Equal(60m, ended.Fees.Hourly);
        Assert.Null(memberships.Single(m => m.OfficeId == home).LeftAt);

        // The neighbour's offer is withdrawn, the home office's stays; no round of the neighbour considers Nour again.
        Assert.Equal(OfferState.Withdrawn, await OfferStateAsync(booking, neighbourRequest.Id, nour.Id));
        Assert.Equal(OfferState.Pending, await OfferStateAsync(booking, homeRequest.Id, nour.Id));
        Assert.DoesNotContain(nour.Id, await ConsideredAsync(booking, neighbour));
        Assert.Contains(nour.Id, await ConsideredAsync(booking, home));

        // The neighbour no longer sees the profile or the contact details.
        Assert.DoesNotContain((await neighbourWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool")).EnumerateArray(),
            m => m.GetProperty("interpreterId").GetGuid() == nour.Id.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbourWorker.GetAsync($"{Api}/pool/{nour.Id.Value}")).StatusCode);
        Assert.DoesNotContain("Nour Aziz", await neighbourWorker.GetStringAsync("/InterpreterBooking/Pool"), StringComparison.Ordinal);

        // Leaving twice is a conflict and changes nothing; the portal lists the home office only.
        var afterLeaving = await SnapshotAsync(booking);
        using (var again = await interpreter.PostAsJsonAsync($"{Api}/memberships/{neighbour.Value}/leave", new { version = (int?)null }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("membership-ended", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(afterLeaving, await SnapshotAsync(booking));
        Assert.Equal([home.Value], (await MembershipsAsync(interpreter)).Select(o => o.GetProperty("officeId").GetGuid()));

        // Leaving on one's own sends no mail about it.
        Assert.Equal(0, await RemovalMailsAsync(booking));

        // The end is audited once, with who ended it and what it withdrew.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var recordId = $"{neighbour}/{nour.Id}";
            var entries = await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Set<AuditEntry>().AsNoTracking()
                .Where(e => e.RecordType == "PoolMembership" && e.RecordId == recordId && e.Action == "Update").ToListAsync();
            Assert.Contains("ended by the interpreter; 1 pending offers withdrawn", Assert.Single(entries).Details, StringComparison.Ordinal);
        }

        // The statement still prices the neighbour's past job at the neighbour's rates: 2 h x 60.
        var statement = await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/statements/{past.Year}/{past.Month}");
        Assert.Equal(120m, statement.GetProperty("lines").EnumerateArray().Single().GetProperty("fee").GetProperty("amount").GetDecimal());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_coordinator_takes_a_member_out_refusals_change_nothing_and_a_new_invitation_brings_the_old_rates_back(DatabaseProvider provider)
    {
        var mail = new RecordingEmailSender();
        await using var booking = await BookingHost.StartAsync(provider, services => services.AddSingleton<IEmailSender>(mail));
        var host = booking.Host;
        var (home, neighbour, nour) = await TwoOfficesAsync(booking);
        using var homeWorker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        using var neighbourWorker = await host.SignedInClientAsync(await host.CreateUserAsync(neighbour, Roles.Supervisor));
        using var thirdWorker = await host.SignedInClientAsync(await host.CreateUserAsync(await host.CreateOfficeAsync("Dritte Stelle"), Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);

        // An upcoming job with the home office keeps Nour in the home pool.
        var future = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(30).AddHours(9), TimeSpan.Zero);
        await booking.WithDbAsync(async db =>
        {
            AddBookedJob(db, home, nour.Id, future);
            await db.SaveChangesAsync();
            return 0;
        });
        var homeTerms = (await homeWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}")).GetProperty("termsVersion").GetInt32();
        var neighbourMember = (await neighbourWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool")).EnumerateArray()
            .Single(m => m.GetProperty("interpreterId").GetGuid() == nour.Id.Value);
        var neighbourTerms = neighbourMember.GetProperty("termsVersion").GetInt32();

        var before = await SnapshotAsync(booking);
        using (var busy = await homeWorker.PostAsJsonAsync($"{Api}/pool/{nour.Id.Value}/leave", new { termsVersion = homeTerms }))
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
            var body = await busy.Content.ReadAsStringAsync();
            Assert.Contains("upcoming-bookings", body, StringComparison.Ordinal);
            Assert.Contains("There is 1 upcoming job with this office.", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync(booking));
        var mine = await MembershipsAsync(interpreter);
        Assert.Equal(1, mine.Single(o => o.GetProperty("officeId").GetGuid() == home.Value).GetProperty("upcomingJobs").GetInt32());
        Assert.Equal(0, mine.Single(o => o.GetProperty("officeId").GetGuid() == neighbour.Value).GetProperty("upcomingJobs").GetInt32());
        Assert.Contains("Noch 1 kommender Einsatz bei dieser Stelle", await interpreter.GetStringAsync("/InterpreterBooking/Portal"), StringComparison.Ordinal);
        using (var busy = await interpreter.PostAsync($"{Api}/memberships/{home.Value}/leave", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync(booking));
        Assert.Equal(HttpStatusCode.NotFound, (await thirdWorker.PostAsJsonAsync($"{Api}/pool/{nour.Id.Value}/leave", new { termsVersion = neighbourTerms })).StatusCode);
        Assert.Equal(before, await SnapshotAsync(booking));
        using (var stale = await neighbourWorker.PostAsJsonAsync($"{Api}/pool/{nour.Id.Value}/leave", new { termsVersion = neighbourTerms - 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("concurrent-edit", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync(booking));
        Assert.Equal(HttpStatusCode.Forbidden, (await interpreter.PostAsJsonAsync($"{Api}/pool/{nour.Id.Value}/leave", new { termsVersion = neighbourTerms })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await neighbourWorker.PostAsync($"{Api}/memberships/{neighbour.Value}/leave", null)).StatusCode);
        Assert.Equal(before, await SnapshotAsync(booking));

        // None of the refusals told Nour anything.
        Assert.Equal(0, await RemovalMailsAsync(booking));

        // The neighbour, with no job ahead, takes Nour out; the home membership stays.
        Assert.Equal(HttpStatusCode.NoContent, (await neighbourWorker.PostAsJsonAsync($"{Api}/pool/{nour.Id.Value}/leave", new { termsVersion = neighbourTerms })).StatusCode);
        Assert.NotNull((await MembershipAsync(booking, neighbour, nour.Id)).LeftAt);
        Assert.Null((await MembershipAsync(booking, home, nour.Id)).LeftAt);
        Assert.Equal(HttpStatusCode.Conflict, (await neighbourWorker.PostAsync($"{Api}/pool/{nour.Id.Value}/leave", null)).StatusCode);

        // Nour is told by mail, once (the repeated removal was refused), about the neighbour's membership, after the commit.
        var row = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().SingleAsync(n => n.Kind == NotificationKind.RemovedFromPool));
        Assert.Equal((neighbour, nour.Id, Guid.Empty), (row.OfficeId, row.InterpreterId, row.RequestId));
        await SweepAsync(booking);
        var removal = await mail.WaitForAsync(nour.UserName, "nicht mehr im Pool");
        Assert.Contains("„Nachbarbezirk“ hat Sie aus ihrem Pool", removal.Body, StringComparison.Ordinal);
        Assert.Contains("no more requests", removal.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("zurückgezogen", removal.Body, StringComparison.Ordinal);
        Assert.Single(mail.Sent, m => m.Subject.Contains("nicht mehr im Pool", StringComparison.Ordinal));
        // The neighbour no longer reads the profile of someone out of its pool, nor saves it back in.
        Assert.Equal(HttpStatusCode.NotFound, (await neighbourWorker.GetAsync($"{Api}/pool/{nour.Id.Value}")).StatusCode);
        var removed = await SnapshotAsync(booking);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbourWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}", Profile(70m))).StatusCode);
        Assert.Equal(removed, await SnapshotAsync(booking));

        // Coming back takes a new invitation; accepting it brings the same row back with its rates.
        using (var invited = await neighbourWorker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = nour.UserName }))
        {
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
            var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
            Assert.Equal(HttpStatusCode.NoContent, (await interpreter.PostAsync($"{Api}/invitations/{invitationId}/accept", null)).StatusCode);
        }

        var back = await MembershipAsync(booking, neighbour, nour.Id);
        Assert.Null(back.LeftAt);
        Assert.Equal(60m, back.Fees.Hourly);
        Assert.Equal(2, await booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().CountAsync(m => m.InterpreterId == nour.Id)));
        Assert.Equal(60m, (await neighbourWorker.GetFromJsonAsync<JsonElement>($"{Api}/pool/{nour.Id.Value}")).GetProperty("fees").GetProperty("hourly").GetDecimal());
        Assert.Contains(nour.Id, await ConsideredAsync(booking, neighbour));
    }

    [Fact]
    public void The_API_refusal_counts_the_jobs_in_the_way_in_English_as_every_API_message()
    {
        Assert.Equal("There is 1 upcoming job with this office. The membership can end once it is over or cancelled.", PoolLeaving.UpcomingMessage(1));
        Assert.Equal("There are 3 upcoming jobs with this office. The membership can end once they are over or cancelled.", PoolLeaving.UpcomingMessage(3));
    }

    [Fact]
    public async Task The_portal_and_the_pool_page_end_memberships_through_their_forms()
    {
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);
        var host = booking.Host;
        var (home, neighbour, nour) = await TwoOfficesAsync(booking);
        using var homeWorker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);

        var portal = await interpreter.GetStringAsync("/InterpreterBooking/Portal");
        Assert.Contains("Meine Stellen", portal, StringComparison.Ordinal);
        Assert.Contains("Pool von Nachbarbezirk verlassen", portal, StringComparison.Ordinal);
        var version = (await MembershipAsync(booking, neighbour, nour.Id)).Version;
        var action = $"/InterpreterBooking/Portal?officeId={neighbour.Value}&version={version}&handler=LeavePool";
        Assert.Contains($"<form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\">", portal, StringComparison.Ordinal);
        using (var left = await interpreter.PostAsync(action, Form(portal)))
        {
            Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        }

        var after = await interpreter.GetStringAsync("/InterpreterBooking/Portal");
        Assert.Contains("Sie haben den Pool dieser Stelle verlassen.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Pool von Nachbarbezirk verlassen", after, StringComparison.Ordinal);
        using (var again = await interpreter.PostAsync(action, Form(after)))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The coordinator's pool page takes a member out; its form carries the membership's version. An offer of the office is pending.
        var profile = await booking.WithDbAsync(db => db.Interpreters.AsNoTracking().SingleAsync(p => p.Id == nour.Id));
        var offered = await booking.AddOfferedRequestAsync(home, [profile], new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(20).AddHours(9), TimeSpan.Zero), Modality.Phone);
        var page = await homeWorker.GetStringAsync("/InterpreterBooking/Pool");
        Assert.Contains("Nour Aziz aus dem Pool nehmen", page, StringComparison.Ordinal);
        var terms = (await MembershipAsync(booking, home, nour.Id)).Version;
        using (var stale = await homeWorker.PostAsync($"/InterpreterBooking/Pool?handler=Remove&interpreterId={nour.Id.Value}", Form(page, ("termsVersion", (terms + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Null((await MembershipAsync(booking, home, nour.Id)).LeftAt);
        using (var removed = await homeWorker.PostAsync($"/InterpreterBooking/Pool?handler=Remove&interpreterId={nour.Id.Value}", Form(page, ("termsVersion", terms.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.NotNull((await MembershipAsync(booking, home, nour.Id)).LeftAt);
        Assert.Equal(OfferState.Withdrawn, await OfferStateAsync(booking, offered.Id, nour.Id));
        // The mail to Nour says so; leaving the neighbour's pool on her own wrote none.
        var told = await booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking().Where(n => n.Kind == NotificationKind.RemovedFromPool).ToListAsync());
        Assert.Equal(home, Assert.Single(told).OfficeId);
        Assert.Contains("Eine offene Anfrage der Stelle an Sie wurde zurückgezogen.", told[0].Body, StringComparison.Ordinal);
        Assert.Contains("One open request from the office to you was withdrawn.", told[0].Body, StringComparison.Ordinal);
        var pool = await homeWorker.GetStringAsync("/InterpreterBooking/Pool");
        Assert.Contains("Aus dem Pool genommen.", pool, StringComparison.Ordinal);
        Assert.DoesNotContain("Nour Aziz aus dem Pool nehmen", pool, StringComparison.Ordinal);
        Assert.DoesNotContain("Meine Stellen", await interpreter.GetStringAsync("/InterpreterBooking/Portal"), StringComparison.Ordinal);

        // An interpreter account of the office itself is taken back directly, as it was added: the same row comes back.
        Assert.Contains("<a href=\"/InterpreterBooking/Interpreter/" + nour.Id.Value + "\">Nour Aziz</a>", pool, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await homeWorker.PutAsJsonAsync($"{Api}/pool/{nour.Id.Value}", Profile(48m))).StatusCode);
        var back = await MembershipAsync(booking, home, nour.Id);
        Assert.Null(back.LeftAt);
        Assert.Equal(48m, back.Fees.Hourly);
        Assert.Equal(2, await booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().CountAsync(m => m.InterpreterId == nour.Id)));
    }

    private static object Profile(decimal hourly) => new
    {
        phone = "+49 30 1111",
        languages = new[] { new { language = "ar", dialects = new[] { "Levantine" }, qualification = 0 } },
        modalities = 3,
        dailyMaximum = 4,
        fees = new { hourly, travelTimeHourly = 0m, perKilometre = 0m, currency = "EUR" },
    };

    /// <summary>Nour, an interpreter account of the demo office, in its pool at 45 EUR and, by an accepted invitation, in the neighbour's at 60 EUR.</summary>
    private static async Task<(OfficeId Home, OfficeId Neighbour, TestUser Nour)> TwoOfficesAsync(BookingHost booking)
    {
        var host = booking.Host;
        var home = await host.DemoOfficeAsync();
        var nour = await host.CreateUserAsync(home, Roles.Interpreter, "Nour Aziz");
        var neighbour = await host.CreateOfficeAsync("Nachbarbezirk");
        await booking.AddProfileAsync(home, nour.Id, "Nour Aziz");
        using var worker = await host.SignedInClientAsync(await host.CreateUserAsync(neighbour, Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);
        using (var invited = await worker.PostAsJsonAsync($"{Api}/pool/invitations", new { email = nour.UserName }))
        {
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
            var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
            Assert.Equal(HttpStatusCode.NoContent, (await interpreter.PostAsync($"{Api}/invitations/{invitationId}/accept", null)).StatusCode);
        }

        await booking.WithDbAsync(async db =>
        {
            var memberships = await db.PoolMemberships.IgnoreQueryFilters().Where(m => m.InterpreterId == nour.Id).ToListAsync();
            memberships.Single(m => m.OfficeId == home).Fees = new FeeRates(45m, 0m, 0m, "EUR");
            memberships.Single(m => m.OfficeId == neighbour).Fees = new FeeRates(60m, 0m, 0m, "EUR");
            return await db.SaveChangesAsync();
        });
        return (home, neighbour, nour);
    }

    /// <summary>Everyone an offer round of <paramref name="office"/> looks at, matching or not.</summary>
    private static async Task<List<UserId>> ConsideredAsync(BookingHost booking, OfficeId office)
    {
        await using var scope = booking.Host.Services.CreateAsyncScope();
        var round = scope.ServiceProvider.GetRequiredService<OfferRound>();
        var policy = BookingPolicy.Default(office);
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(10).AddHours(9), TimeSpan.Zero);
        var request = InterpreterRequest.Create(office, null, [], "ar", null, Modality.Phone, start, start.AddHours(1), "Telefon", null,
            SubjectArea.Health, null, null, null, null, policy, DateTimeOffset.UtcNow);
        var report = await round.MatchAsync(request, policy, default);
        return [.. report.Ranked.Select(r => r.InterpreterId), .. report.Rejected.Select(r => r.InterpreterId)];
    }

    /// <summary>The memberships, offers and bookings as text: a refusal must leave it as it was.</summary>
    private static Task<string> SnapshotAsync(BookingHost booking) =>
        booking.WithDbAsync(async db =>
        {
            var memberships = (await db.PoolMemberships.IgnoreQueryFilters().AsNoTracking().ToListAsync())
                .Select(m => $"{m.OfficeId}/{m.InterpreterId} left={m.LeftAt:O} v={m.Version} fee={m.Fees.Hourly}").Order(StringComparer.Ordinal);
            var offers = (await db.Offers.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(o => $"{o.Id} {o.State}").Order(StringComparer.Ordinal);
            var bookings = (await db.Bookings.IgnoreQueryFilters().AsNoTracking().ToListAsync()).Select(b => $"{b.Id} {b.State} v={b.Version}").Order(StringComparer.Ordinal);
            return string.Join("\n", [.. memberships, .. offers, .. bookings]);
        });

    private static Task<int> RemovalMailsAsync(BookingHost booking) =>
        booking.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.Kind == NotificationKind.RemovedFromPool));

    private static async Task SweepAsync(BookingHost booking)
    {
        await using var scope = booking.Host.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<ICommandHandler<SendInterpreterNotifications, int>>().Handle(new SendInterpreterNotifications(), default)).IsSuccess);
    }

    private static Task<PoolMembership> MembershipAsync(BookingHost booking, OfficeId office, UserId interpreter) =>
        booking.WithDbAsync(db => db.PoolMemberships.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.OfficeId == office && m.InterpreterId == interpreter));

    private static Task<OfferState> OfferStateAsync(BookingHost booking, Guid requestId, UserId interpreter) =>
        booking.WithDbAsync(db => db.Offers.IgnoreQueryFilters().Where(o => o.RequestId == requestId && o.InterpreterId == interpreter).Select(o => o.State).SingleAsync());

    private static async Task<List<JsonElement>> MembershipsAsync(HttpClient interpreter) =>
        [.. (await interpreter.GetFromJsonAsync<JsonElement>($"{Api}/memberships")).EnumerateArray()];

    private static void AddConfirmedJob(InterpreterBookingDbContext db, OfficeId office, UserId interpreter, UserId worker, DateTimeOffset start, int minutes)
    {
        var policy = BookingPolicy.Default(office);
        var created = start.AddDays(-7);
        var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", Modality.Phone, start, start.AddMinutes(minutes), "Telefon", null,
            SubjectArea.Health, null, null, null, null, policy, created);
        Assert.True(request.Assign(interpreter, created).IsSuccess);
        var job = new Booking(request, interpreter, created);
        Assert.True(job.Record(start, start.AddMinutes(minutes), 0, 0m, start.AddHours(3)).IsSuccess);
        Assert.True(job.Confirm(worker, null, start.AddHours(4)).IsSuccess);
        db.Requests.Add(request);
        db.Bookings.Add(job);
    }

    [Fact]
    public async Task A_refusal_for_upcoming_jobs_reads_in_the_language_of_the_page_on_both_forms()
    {
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);
        var host = booking.Host;
        var (home, _, nour) = await TwoOfficesAsync(booking);
        using var homeWorker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        using var interpreter = await host.SignedInClientAsync(nour);
        await booking.WithDbAsync(async db =>
        {
            AddBookedJob(db, home, nour.Id, new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(30).AddHours(9), TimeSpan.Zero));
            await db.SaveChangesAsync();
            return 0;
        });
        var leave = $"/InterpreterBooking/Portal?officeId={home.Value}&version={(await MembershipAsync(booking, home, nour.Id)).Version}&handler=LeavePool";
        var remove = $"/InterpreterBooking/Pool?handler=Remove&interpreterId={nour.Id.Value}";
        var terms = ("termsVersion", (await MembershipAsync(booking, home, nour.Id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        async Task<string> RefusedAsync(HttpClient client, string page, string action, params (string, string)[] fields)
        {
            using var refused = await client.PostAsync(action, Form(await client.GetStringAsync(page), fields));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            return await refused.Content.ReadAsStringAsync();
        }

        Assert.Contains("Sie haben noch kommende Einsätze bei dieser Stelle.", await RefusedAsync(interpreter, "/InterpreterBooking/Portal", leave), StringComparison.Ordinal);
        Assert.Contains("Diese Person hat noch kommende Einsätze bei der Stelle.", await RefusedAsync(homeWorker, "/InterpreterBooking/Pool", remove, terms), StringComparison.Ordinal);

        foreach (var (client, page) in new[] { (interpreter, "/InterpreterBooking/Portal"), (homeWorker, "/InterpreterBooking/Pool") })
        {
            using var english = await client.PostAsync("/Culture", Form(await client.GetStringAsync(page), ("culture", "en-GB"), ("returnUrl", page)));
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        }

        var interpreterSees = await RefusedAsync(interpreter, "/InterpreterBooking/Portal", leave);
        Assert.Contains("You still have upcoming jobs with this office.", interpreterSees, StringComparison.Ordinal);
        Assert.DoesNotContain("kommende Einsätze", interpreterSees, StringComparison.Ordinal);
        var coordinatorSees = await RefusedAsync(homeWorker, "/InterpreterBooking/Pool", remove, terms);
        Assert.Contains("This person still has upcoming jobs with the office.", coordinatorSees, StringComparison.Ordinal);
        Assert.DoesNotContain("kommende Einsätze", coordinatorSees, StringComparison.Ordinal);
        Assert.Null((await MembershipAsync(booking, home, nour.Id)).LeftAt);
    }

    private static void AddBookedJob(InterpreterBookingDbContext db, OfficeId office, UserId interpreter, DateTimeOffset start)
    {
        var policy = BookingPolicy.Default(office);
        var created = DateTimeOffset.UtcNow.AddDays(-1);
        var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", Modality.Phone, start, start.AddHours(1), "Telefon", null,
            SubjectArea.Health, null, null, null, null, policy, created);
        Assert.True(request.Assign(interpreter, created).IsSuccess);
        db.Requests.Add(request);
        db.Bookings.Add(new Booking(request, interpreter, created));
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", SignIn.FormToken(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
}
