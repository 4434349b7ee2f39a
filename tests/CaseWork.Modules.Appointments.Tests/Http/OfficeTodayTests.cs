using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// "Today" is the office's day: just after midnight in Berlin the UTC date is still yesterday, yet the agenda without a date
/// and the planning form's proposed date count from the office's today.
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
}
