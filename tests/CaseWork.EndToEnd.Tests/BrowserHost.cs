using System.Net;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>The real host on Kestrel (loopback, free port) plus headless Debian Chromium driven by Playwright.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDataDirectory _directory = new();
    private CaseWorkHostFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go, for a person to look at after the run.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// A browser context for a test. The suite runs every test project at once on two cores, so a page can take longer
    /// than Playwright's 30 s default to answer; one default for every journey instead of a longer wait here and there.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>A context on a German phone: 390 × 844 CSS pixels, touch, mobile layout.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync() => NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        Locale = "de-DE",
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
    });

    /// <summary>
    /// Signs in through the login form and returns once the browser has left the login page, so the next navigation
    /// carries the sign-in cookie. (Waiting for "a level-1 heading" returned at once: the login page has one too.)
    /// A sign-in that is refused fails here, with the page's address in the message.
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoUsers.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(userName);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        // Polls the address; WaitForURLAsync can miss a navigation that ended before it began to listen.
        await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage, new() { Timeout = 90_000 });
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
    }

    private static readonly System.Text.RegularExpressions.Regex LoginPage = new("/Account/Login");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}; ./scripts/test.sh installs it (apt-get install chromium).");
        }

        _factory = new CaseWorkHostFactory(TestDatabases.Sqlite(_directory.Path));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _directory.Dispose();
    }
}
