using CaseWork.TestKit;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>
/// Every role's pages on a phone (390 px): nothing makes the page wider than the screen. A wide table scrolls inside its
/// own box, so the header, the navigation and the text around it stay where the thumb can reach them.
/// </summary>
public sealed class PhoneWidthTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    public static TheoryData<string, string, string?, string, bool> Pages => new()
    {
        // role, page, the link on it to follow (pages with an id in their address), a heading to wait for, and whether the
        // demo office's data puts a table on the page (else the check is idle)
        { DemoUsers.Interpreter, "/InterpreterBooking/Portal", null, "Meine Einsätze", false },
        { DemoUsers.Interpreter, "/InterpreterBooking/Availability", null, "Verfügbarkeit und Abwesenheiten", false },
        { DemoUsers.Interpreter, "/InterpreterBooking/Statement?year=2026&month=12", null, "Abrechnung", false },
        { DemoUsers.Interpreter, "/InterpreterBooking/Calendar", null, "Kalender-Abo", false },
        { DemoUsers.Streetworker, "/InterpreterBooking/Requests", null, "Sprachmittlung", true },
        { DemoUsers.Streetworker, "/InterpreterBooking/Figures", null, "Zahlen für Berichte", true },
        { DemoUsers.Streetworker, "/InterpreterBooking/Pool", null, "Sprachmittler*innen", true },
        { DemoUsers.Streetworker, "/InterpreterBooking/Requests", "table a", "Anfrage Sprachmittlung", true },
        { DemoUsers.Streetworker, "/InterpreterBooking/Pool", "table a", "Interessenkonflikte", false },
        { DemoUsers.Streetworker, "/Referrals/Open", null, "Offene Weitervermittlungen", true },
        { DemoUsers.Supervisor, "/Referrals/Outcomes", null, "Weitervermittlungen: Auswertung", true },
        { DemoUsers.Administrator, "/Admin/System", null, "Systemstatus", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_is_no_wider_than_a_phone(string user, string path, string? follow, string heading, bool hasTable)
    {
        await using var context = await host.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await BrowserHost.SignInAsync(page, user);

        await page.GotoAsync(path);
        if (follow is not null)
        {
            await page.Locator(follow).First.ClickAsync();
            path = new Uri(page.Url).PathAndQuery;
        }

        await page.GetByRole(AriaRole.Heading, new() { Name = heading }).First.WaitForAsync();
        if (hasTable)
        {
            Assert.True(await page.GetByRole(AriaRole.Table).CountAsync() > 0, $"{path}: the demo office's data no longer puts a table on the page");
        }

        var overflow = await page.EvaluateAsync<string>(WidestElements);
        Assert.True(overflow.Length == 0, $"{path} is wider than the phone's screen: {overflow}");
    }

    /// <summary>
    /// Empty when the document is no wider than the screen; else the page's width and the elements that reach past the
    /// screen's right edge without a scrolling box around them.
    /// </summary>
    private const string WidestElements = """
        () => {
            // The layout viewport: a phone zooms out over a page wider than its screen, so innerWidth grows with the page.
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return "";
            const scrolled = e => { for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== "visible") return true; } return false; };
            const wide = [...document.querySelectorAll("body *")]
                // An absolutely placed element escapes a scrolling box that is not positioned itself.
                .filter(e => e.getBoundingClientRect().right > width + 1 && (!scrolled(e) || getComputedStyle(e).position === "absolute"))
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}${e.className ? "." + e.className : ""} (${Math.round(e.getBoundingClientRect().right)} px)`);
            return `${document.documentElement.scrollWidth} px of ${width} px; ${wide.join(", ")}`;
        }
        """;
}
