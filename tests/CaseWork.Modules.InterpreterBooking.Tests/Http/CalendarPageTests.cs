using System.Net;
using System.Text.RegularExpressions;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>
/// The portal's calendar page: it says whether a feed address works, shows a new address once, and ends the feed; the
/// address it shows is the one that serves the jobs.
/// </summary>
public sealed partial class CalendarPageTests : IAsyncLifetime
{
    private const string Page = "/InterpreterBooking/Calendar";

    private BookingHost _booking = null!;

    public async Task InitializeAsync() => _booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _booking.DisposeAsync();

    [Fact]
    public async Task The_page_says_whether_a_feed_is_open_shows_a_new_address_once_and_ends_the_feed()
    {
        var host = _booking.Host;
        using var interpreter = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Interpreter));
        using var anonymous = host.CreateClient();
        Assert.Contains($"href=\"{Page}\"", await interpreter.GetStringAsync("/InterpreterBooking/Portal"), StringComparison.Ordinal);

        // The demo data gives the demo interpreter a feed; ending it leaves only the button that makes one.
        var page = await interpreter.GetStringAsync(Page);
        Assert.Contains("Ein Kalender-Abo ist eingerichtet.", page, StringComparison.Ordinal);
        await PostAsync(interpreter, page, "Revoke");
        page = await interpreter.GetStringAsync(Page);
        Assert.Contains("Kalender-Abo beendet.", page, StringComparison.Ordinal);
        Assert.Contains("Kein Kalender-Abo eingerichtet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalender-Abo beenden", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(FeedAddress(), page);

        await PostAsync(interpreter, page, "Open");
        page = await interpreter.GetStringAsync(Page);
        Assert.Contains("Ein Kalender-Abo ist eingerichtet.", page, StringComparison.Ordinal);
        Assert.Contains("Kalender-Abo beenden", page, StringComparison.Ordinal);
        var first = new Uri(WebUtility.HtmlDecode(FeedAddress().Match(page).Groups[1].Value)).PathAndQuery;
        Assert.StartsWith("/api/interpreter-booking/calendar/", first, StringComparison.Ordinal);
        using (var feed = await anonymous.GetAsync(first))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        }

        // Shown once: the next visit says a feed is open but no longer shows where (only the token's hash is kept).
        page = await interpreter.GetStringAsync(Page);
        Assert.Contains("Ein Kalender-Abo ist eingerichtet.", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(FeedAddress(), page);

        // A new address replaces the first.
        await PostAsync(interpreter, page, "Open");
        page = await interpreter.GetStringAsync(Page);
        var second = new Uri(WebUtility.HtmlDecode(FeedAddress().Match(page).Groups[1].Value)).PathAndQuery;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        await PostAsync(interpreter, page, "Revoke");
        page = await interpreter.GetStringAsync(Page);
        Assert.Contains("Kalender-Abo beendet.", page, StringComparison.Ordinal);
        Assert.Contains("Kein Kalender-Abo eingerichtet.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Without_the_forms_token_nothing_opens_staff_are_kept_out_and_an_interpreter_without_a_profile_is_told_so()
    {
        var host = _booking.Host;
        var demo = await host.DemoUserAsync(Roles.Interpreter);
        using var interpreter = await host.SignedInClientAsync(demo);
        await interpreter.GetStringAsync(Page);
        var before = await CalendarTokenAsync(demo.Id);

        foreach (var handler in new[] { "Open", "Revoke" })
        {
            using var without = await interpreter.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        }

        Assert.NotEqual("", before);
        Assert.Equal(before, await CalendarTokenAsync(demo.Id));

        foreach (var role in new[] { Roles.Streetworker, Roles.Supervisor, Roles.Administrator })
        {
            using var staff = await host.SignedInClientAsync(await host.DemoUserAsync(role));
            using var response = await staff.GetAsync(Page);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Kalender-Abo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Signed in as an interpreter, but no office has taken them into its pool yet: there is no profile to open a feed for.
        var newcomer = await host.CreateUserAsync(await host.DemoOfficeAsync(), Roles.Interpreter, "Neu Hinzugekommen");
        using var client = await host.SignedInClientAsync(newcomer);
        var page = await client.GetStringAsync(Page);
        Assert.Contains("Sie haben noch kein Profil.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalender-Adresse erstellen", page, StringComparison.Ordinal);
        using var open = await client.PostAsync($"{Page}?handler=Open", Form(page));
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task The_page_speaks_english_when_the_interpreter_chose_it()
    {
        var host = _booking.Host;
        using var interpreter = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Interpreter));
        using (var english = await interpreter.PostAsync("/Culture", Form(await interpreter.GetStringAsync(Page), ("culture", "en-GB"), ("returnUrl", Page))))
        {
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        }

        var page = await interpreter.GetStringAsync(Page);
        Assert.Contains("A calendar subscription is set up.", page, StringComparison.Ordinal);
        await PostAsync(interpreter, page, "Revoke");
        page = await interpreter.GetStringAsync(Page);
        Assert.Contains("Calendar subscription ended.", page, StringComparison.Ordinal);
        Assert.Contains("No calendar subscription is set up.", page, StringComparison.Ordinal);
        Assert.Contains("Create a calendar address", page, StringComparison.Ordinal);
        await PostAsync(interpreter, page, "Open");
        page = await interpreter.GetStringAsync(Page);
        Assert.Contains("New calendar address created.", page, StringComparison.Ordinal);
        Assert.Contains("Your calendar address (shown only now):", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalender", page, StringComparison.Ordinal);
    }

    private Task<string> CalendarTokenAsync(UserId interpreter) =>
        _booking.WithDbAsync(db => db.Interpreters.Where(p => p.Id == interpreter).Select(p => p.CalendarToken).SingleAsync());

    private static async Task PostAsync(HttpClient client, string page, string handler)
    {
        using var response = await client.PostAsync($"{Page}?handler={handler}", Form(page));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.Headers.Location?.OriginalString);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", SignIn.FormToken(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex("<code class=\"ib-feed-address\">([^<]+)</code>")]
    private static partial Regex FeedAddress();
}
