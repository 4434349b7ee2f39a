using System.Globalization;
using CaseWork.TestKit;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>
/// Across modules in the browser: a streetworker plans an appointment that needs an Arabic interpreter; the demo interpreter
/// gets the offer, accepts it on a phone and finds the job under upcoming jobs; the streetworker then sees the interpreter on
/// the appointment. Its own host (class fixture), so the demo offers of other journeys are not touched.
/// </summary>
public sealed class InterpreterAppointmentJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static System.Text.RegularExpressions.Regex Confirmed() => new("bestätigt – \\S+ \\S+");

    [Fact]
    public async Task The_worker_plans_with_an_interpreter_the_interpreter_accepts_on_a_phone_and_the_worker_sees_who_comes()
    {
        await using var desk = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var worker = await desk.NewPageAsync();
        await BrowserHost.SignInAsync(worker, DemoUsers.Streetworker);

        var day = DateTime.Today.AddDays(12);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        await worker.GotoAsync("/Appointments/New");
        await worker.Locator("#Date").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await worker.Locator("#StartTime").FillAsync("15:00");
        await worker.Locator("#EndTime").FillAsync("16:00");
        await worker.Locator("#PlaceKind").SelectOptionAsync("address");
        await worker.Locator("#PlaceText").FillAsync("Jobcenter Neukölln, Mainzer Str. 27");
        await worker.Locator("#InterpreterLanguage").SelectOptionAsync("ar");
        await worker.Locator("#InterpreterDialect").FillAsync("Levantine");
        await worker.Locator("#InterpreterModality").SelectOptionAsync("in_person");
        await worker.Locator("#Topic").FillAsync("Weiterbewilligungsantrag");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Termin planen" }).ClickAsync();
        if (await worker.Locator("#ConfirmWarnings").CountAsync() > 0)
        {
            await worker.Locator("#ConfirmWarnings").CheckAsync();
            await worker.GetByRole(AriaRole.Button, new() { Name = "Termin planen" }).ClickAsync();
        }

        // Polls the address: WaitForURLAsync can miss a navigation that ends while it begins to listen.
        await Assertions.Expect(worker).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Appointments/Details/"), new() { Timeout = 90_000 });
        var appointmentUrl = worker.Url;

        await using var phone = await host.NewPhoneContextAsync();
        var interpreter = await phone.NewPageAsync();
        await BrowserHost.SignInAsync(interpreter, DemoUsers.Interpreter);
        var date = day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var offer = interpreter.GetByRole(AriaRole.Region, new() { Name = "Offene Anfragen" }).GetByRole(AriaRole.Article).Filter(new() { HasText = date });
        // The request is made from the appointment event by the outbox dispatcher, a moment after planning.
        var deadline = DateTime.UtcNow + Patience;
        do
        {
            await interpreter.GotoAsync("/InterpreterBooking/Portal");
        }
        while (await offer.CountAsync() == 0 && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));

        Assert.Equal(1, await offer.CountAsync());
        Assert.DoesNotContain("Weiterbewilligungsantrag", await interpreter.InnerTextAsync("main"), StringComparison.Ordinal);
        await offer.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }).ClickAsync();
        await interpreter.GetByRole(AriaRole.Status).WaitForAsync();
        var job = interpreter.GetByRole(AriaRole.Region, new() { Name = "Kommende Einsätze" }).GetByRole(AriaRole.Article).Filter(new() { HasText = date });
        Assert.Equal(1, await job.CountAsync());
        Assert.Contains("Jobcenter Neukölln", await job.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await interpreter.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await interpreter.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-accepted-appointment-job.png"), FullPage = true });

        // InterpreterBooked reaches the appointment through the outbox as well.
        var shown = worker.Locator("#interpreter");
        deadline = DateTime.UtcNow + Patience;
        do
        {
            await worker.GotoAsync(appointmentUrl);
        }
        // "angefragt, noch nicht bestätigt" also contains "bestätigt": wait for the confirmed status with the name.
        while (!Confirmed().IsMatch(await shown.InnerTextAsync()) && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));

        var text = await shown.InnerTextAsync();
        Assert.Contains("bestätigt", text, StringComparison.Ordinal);
        // The demo interpreter's name is random; it follows the status.
        Assert.Matches("bestätigt – \\S+ \\S+", text);
        await worker.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "appointment-with-booked-interpreter.png"), FullPage = true });

        // The coordinator's pool page lists the demo interpreter; the start page shows the interpreter panel.
        await worker.GotoAsync("/InterpreterBooking/Pool");
        await worker.GetByRole(AriaRole.Heading, new() { Name = "Pool der Stelle" }).WaitForAsync();
        await worker.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-pool.png"), FullPage = true });
        await worker.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await worker.GetByRole(AriaRole.Heading, new() { Name = "Interessenkonflikte" }).WaitForAsync();
        await worker.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-profile-edit.png"), FullPage = true });
        await interpreter.GotoAsync("/");
        await interpreter.GetByRole(AriaRole.Heading, new() { Name = "Nächste Einsätze" }).WaitForAsync();
        await interpreter.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-start-page.png"), FullPage = true });
    }

}
