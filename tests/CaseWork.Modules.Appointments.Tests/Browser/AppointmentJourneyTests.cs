using System.Net;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseWork.Modules.Appointments.Tests.Browser;

/// <summary>
/// In Chromium: plan an appointment with an interpreter for a client who prefers Arabic, see both reminders with their Arabic
/// text, move it and see the reminders move. The client comes from a stand-in client directory (the Clients module is built
/// in parallel). Screenshots land in <c>bin/.../screenshots</c>.
/// </summary>
public sealed class AppointmentJourneyTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDataDirectory _directory = new();
    private readonly FakeClientDirectory _clients = new();
    private CaseWorkHostFactory _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Uri _base = null!;

    private static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        _host = new CaseWorkHostFactory(TestDatabases.Sqlite(_directory.Path))
        {
            ConfigureTestServices = services => services.AddSingleton<IClientDirectory>(_clients),
        };
        _host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        _base = new Uri(_host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>
    /// The suite runs every test project at once on two cores, so a page can take longer than Playwright's 30 s default to
    /// answer (the sign-in timed out in CI): the same default as the end-to-end journeys' BrowserHost.
    /// </summary>
    private const float PageTimeout = 90_000;

    private async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(PageTimeout);
        context.SetDefaultNavigationTimeout(PageTimeout);
        return context;
    }

    [Fact]
    public async Task Plan_with_an_interpreter_for_an_arabic_speaking_client_see_the_reminders_then_move_them()
    {
        var office = await _host.DemoOfficeAsync();
        _clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.Sms, "+49 170 5550101");
        var day = NextWeekday(DateTime.UtcNow.Date.AddDays(4));
        await using var context = await NewContextAsync(new BrowserNewContextOptions { BaseURL = _base.ToString(), ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, DemoUsers.Streetworker);

        await page.GotoAsync("/Appointments/New");
        await page.GetByLabel("Person suchen (Name, Kürzel, Geburtsdatum)").FillAsync("Layla");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.GetByLabel("Layla Haddad").CheckAsync();
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Beginn", new() { Exact = true }).FillAsync("10:00");
        await page.GetByLabel("Ende", new() { Exact = true }).FillAsync("11:00");
        await page.GetByLabel("Ort", new() { Exact = true }).SelectOptionAsync("address");
        await page.GetByLabel("Adresse, Einwahl oder Link").FillAsync("Hauptstraße 5");
        await page.GetByLabel("Sprache", new() { Exact = true }).SelectOptionAsync("ar");
        await page.GetByLabel("Dialekt").FillAsync("Levantine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Termin planen" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "appointment-submitted.png"), FullPage = true });
        Assert.True(page.Url.Contains("/Appointments/Details/", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "appointment-planned.png"), FullPage = true });

        var reminders = page.Locator("tr.reminder");
        var arabic = page.Locator("tr.reminder p.message-text[lang=ar]");
        Assert.Equal(2, await arabic.CountAsync());
        Assert.Equal("rtl", await arabic.First.GetAttributeAsync("dir"));
        Assert.Contains("تذكير", await arabic.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("angefragt, noch nicht bestätigt", await page.Locator("#interpreter").InnerTextAsync(), StringComparison.Ordinal);
        var before = await page.Locator("tr.reminder td.due").AllInnerTextsAsync();
        Assert.Contains($"{day.AddDays(-1):dd.MM.yyyy} 10:00", before);
        Assert.Contains($"{day:dd.MM.yyyy} 08:00", before);

        await page.GetByText("Verschieben", new() { Exact = true }).First.ClickAsync();
        await page.Locator("input[name=NewDate]").FillAsync(day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("form[action*='handler=Reschedule'] button.primary").ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "appointment-moved.png"), FullPage = true });

        var after = await page.Locator("tr.reminder td.due").AllInnerTextsAsync();
        Assert.Contains($"{day:dd.MM.yyyy} 10:00", after);
        Assert.Contains($"{day.AddDays(1):dd.MM.yyyy} 08:00", after);
        Assert.Contains($"{day:dd.MM.yyyy} 10:00", await page.Locator("dl.facts").InnerTextAsync());
        Assert.Contains((day.AddDays(1)).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("h1").InnerTextAsync());
        Assert.True(await reminders.CountAsync() >= 2);

        // Then the place changes: the facts and the Arabic reminders still to come name the new one.
        await page.GetByText("Art, Ort, Beteiligte und Sprachmittlung ändern").ClickAsync();
        await page.Locator("select[name=EditPlaceKind]").SelectOptionAsync("address");
        await page.Locator("input[name=EditPlaceText]").FillAsync("Jobcenter Mitte, Raum 4.12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        // Waits for the page after the post (a load-state wait could still see the page before it).
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Jobcenter Mitte, Raum 4.12", new() { Timeout = PageTimeout });
        Assert.All(await arabic.AllInnerTextsAsync(), text => Assert.Contains("Jobcenter Mitte, Raum 4.12", text, StringComparison.Ordinal));
        // The form carried the interpreter need as it was: it stays.
        Assert.Contains("Arabisch", await page.Locator("#interpreter").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appointment_pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        var office = await _host.DemoOfficeAsync();
        _clients.Add(office, "Layla Haddad", "ar", ReminderChannelKind.Sms, "+49 170 5550101");
        await using var context = await NewContextAsync(new BrowserNewContextOptions { BaseURL = _base.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, DemoUsers.Streetworker);

        foreach (var path in new[] { "/Appointments", "/Appointments?view=week", "/Appointments/New", "/Appointments/Outgoing", "/Appointments/Settings" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 390px phone screen");
        }

        await page.GotoAsync("/Appointments/New");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "appointment-new-phone.png"), FullPage = true });
    }

    /// <summary>
    /// Signs in and waits to leave the login page. A timeout says what the browser saw: every request and response since
    /// the click with its time, the page's address and text, and a screenshot (<c>sign-in-timeout.png</c>).
    /// </summary>
    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(user);
        await page.GetByLabel("Passwort").FillAsync(DemoUsers.Password);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var traffic = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnRequest(object? sender, IRequest request) => traffic.Enqueue($"{clock.ElapsedMilliseconds,6} ms  -> {request.Method} {request.Url}");
        void OnResponse(object? sender, IResponse response) => traffic.Enqueue($"{clock.ElapsedMilliseconds,6} ms  <- {response.Status} {response.Url}");
        void OnFailed(object? sender, IRequest request) => traffic.Enqueue($"{clock.ElapsedMilliseconds,6} ms  !! {request.Failure} {request.Url}");
        page.Request += OnRequest;
        page.Response += OnResponse;
        page.RequestFailed += OnFailed;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            // Polls the address. WaitForURLAsync missed a navigation that ended while it began to listen: in a CI run the
            // sign-in was answered 302 and "/" 200 within 0.6 s of the click, and the wait still ran out after 90 s.
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"), new() { Timeout = PageTimeout });
        }
        catch (Exception timeout) when (timeout is TimeoutException or PlaywrightException)
        {
            var shot = Path.Combine(Screenshots, "sign-in-timeout.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException(
                $"Still on {page.Url} {clock.Elapsed.TotalSeconds:0} s after clicking \"Anmelden\" (screenshot {shot}).\n" +
                $"Traffic since the click:\n{string.Join('\n', traffic)}\nPage text:\n{text}", timeout);
        }
        finally
        {
            page.Request -= OnRequest;
            page.Response -= OnResponse;
            page.RequestFailed -= OnFailed;
        }
    }

    private static DateTime NextWeekday(DateTime day)
    {
        // Tuesday to Thursday, so the day after is a weekday too and no office-hours warning interrupts the journey.
        while (day.DayOfWeek is not (DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
