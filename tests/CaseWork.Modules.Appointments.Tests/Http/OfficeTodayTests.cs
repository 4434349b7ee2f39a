using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// "Today" is the office's day: just after midnight in Berlin the UTC date is still yesterday, yet the agenda without a date
/// and the planning form's proposed date count from the office's today. And an office in another zone has its own today on
/// the agenda page and the start page's panel, and its own times on the calendar feeds page.
/// </summary>
public sealed class OfficeTodayTests
{
    // 23:30 UTC on Sunday 6 December is 00:30 on Monday 7 December in Berlin: the UTC date is still the 6th.
    private static readonly DateTimeOffset JustAfterMidnightInBerlin = new(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_agenda_without_a_date_is_the_offices_today()
    {
        using var directory = new TempDataDirectory();
        var clock = new FakeTimeProvider(AppointmentsTestHost.Monday);
        var clients = new FakeClientDirectory();
        await using var host = AppointmentsTestHost.Create(TestDatabases.Sqlite(directory.Path), clock, clients);
        var office = await host.DemoOfficeAsync();
        var client = clients.Add(office, "Samir Haddad", "de", ReminderChannelKind.Sms, "+49 170 1111111");
        Guid monday, sunday;
        using (var planner = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker)))
        {
            monday = await AppointmentsTestHost.CreateAsync(planner, AppointmentsTestHost.NewAppointment(new DateTime(2026, 12, 7, 10, 0, 0), [client.ClientId.Value], confirm: true));
            sunday = await AppointmentsTestHost.CreateAsync(planner, AppointmentsTestHost.NewAppointment(new DateTime(2026, 12, 6, 15, 0, 0), [client.ClientId.Value], confirm: true));
        }

        clock.SetUtcNow(JustAfterMidnightInBerlin);
        // Signed in again: the first sign-in has expired on the moved clock.
        using var worker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        var agenda = (await worker.GetFromJsonAsync<JsonArray>("/api/appointments?who=team"))!;

        var ids = agenda.Select(a => a!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(monday, ids);
        Assert.DoesNotContain(sunday, ids);
    }

    [Fact]
    public async Task The_planning_form_proposes_the_offices_tomorrow()
    {
        using var directory = new TempDataDirectory();
        var clock = new FakeTimeProvider(JustAfterMidnightInBerlin);
        await using var host = AppointmentsTestHost.Create(TestDatabases.Sqlite(directory.Path), clock, new FakeClientDirectory());
        using var worker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));

        var form = await worker.GetStringAsync("/Appointments/New");

        Assert.Contains("name=\"Date\" value=\"2026-12-08\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agenda_page_the_start_page_panel_and_the_feeds_page_go_by_the_offices_own_zone()
    {
        using var directory = new TempDataDirectory();
        // 02:00 UTC on Tuesday 24 November: 03:00 on Tuesday in Berlin, 21:00 on Monday in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        await using var host = AppointmentsTestHost.Create(TestDatabases.Sqlite(directory.Path), clock, new FakeClientDirectory());
        var office = await host.DemoOfficeAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
            db.OfficeSettings.RemoveRange(await db.OfficeSettings.IgnoreQueryFilters().Where(s => s.OfficeId == office).ToListAsync());
            await db.SaveChangesAsync();
            db.OfficeSettings.Add(OfficeSettings.DefaultFor(office, "America/New_York"));
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<OfficeRules>().ForgetClock(office);
        }

        using var worker = await host.SignedInClientAsync(await host.DemoUserAsync(Roles.Streetworker));
        // Monday 22:00 in New York: still today there; Tuesday's small hours in Berlin.
        var late = await AppointmentsTestHost.CreateAsync(worker, AppointmentsTestHost.NewAppointment(new DateTime(2026, 11, 23, 22, 0, 0), confirm: true));

        var agenda = await worker.GetStringAsync("/Appointments");
        Assert.Contains("23.11.2026", agenda, StringComparison.Ordinal);
        Assert.DoesNotContain("24.11.2026", agenda, StringComparison.Ordinal);
        Assert.Contains($"/Appointments/Details/{late}", agenda, StringComparison.Ordinal);

        var start = await worker.GetStringAsync("/");
        Assert.Contains("Meine Termine heute", start, StringComparison.Ordinal);
        Assert.Contains($"/Appointments/Details/{late}", start, StringComparison.Ordinal);
        Assert.Contains("22:00–23:00", start, StringComparison.Ordinal);

        // A calendar address made now was made on Monday at 21:00 as the office counts time.
        var feeds = await worker.GetStringAsync("/Appointments/Feeds");
        using var opened = await worker.PostAsync("/Appointments/Feeds?handler=Open", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(feeds), ["RoomId"] = "",
        }));
        var listed = await opened.Content.ReadAsStringAsync();
        Assert.Contains("<td>23.11.2026 21:00</td>", listed, StringComparison.Ordinal);
    }
}
