using System.Net.Http.Json;
using System.Net;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>The pages: agenda, planning form, appointment page with its reminders, outgoing messages, settings, start page panel.</summary>
public sealed class AppointmentPageTests(AppointmentApiFixture fixture) : IClassFixture<AppointmentApiFixture>
{
    [Fact]
    public async Task A_streetworker_plans_on_the_form_and_sees_the_appointment_with_its_arabic_reminders_on_every_page()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var form = await client.GetStringAsync("/Appointments/New");
        var token = SignIn.FormToken(form);

        using var search = await client.PostAsync("/Appointments/New?handler=Search", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["ClientSearch"] = "Samir", ["Date"] = "2026-11-26", ["StartTime"] = "10:00", ["EndTime"] = "11:00",
        }));
        var searched = await search.Content.ReadAsStringAsync();
        Assert.Contains(fixture.Client.ClientId.Value.ToString(), searched, StringComparison.Ordinal);

        using var created = await client.PostAsync("/Appointments/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(searched), ["Kind"] = "counselling", ["PlaceKind"] = "address", ["PlaceText"] = "Hauptstraße 5",
            ["Date"] = "2026-11-26", ["StartTime"] = "10:00", ["EndTime"] = "11:00", ["ClientIds"] = fixture.Client.ClientId.Value.ToString(),
            ["InterpreterLanguage"] = "ar", ["InterpreterModality"] = "in_person", ["Topic"] = "Aufenthalt", ["ConfirmWarnings"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.ToString();

        var details = await client.GetStringAsync(location);
        Assert.Contains("Samir Haddad", details, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", details, StringComparison.Ordinal);
        Assert.Contains("تذكير", details, StringComparison.Ordinal);
        Assert.Contains("25.11.2026 10:00", details, StringComparison.Ordinal);
        Assert.Contains("26.11.2026 08:00", details, StringComparison.Ordinal);
        Assert.Contains("angefragt, noch nicht bestätigt", details, StringComparison.Ordinal);

        var agenda = await client.GetStringAsync("/Appointments?view=week&date=2026-11-26");
        Assert.Contains(location, agenda, StringComparison.Ordinal);
        Assert.Contains("Vorzubereiten", agenda, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Appointments/Outgoing")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Appointments/Settings")).StatusCode);
        Assert.Contains("Meine Termine heute", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streetworker_plans_a_fortnightly_group_with_a_colleague_on_the_form_leaving_out_a_date()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var colleague = await fixture.Host.CreateUserAsync(fixture.Office, Roles.Streetworker, "Kollegin Form");
        var form = await client.GetStringAsync("/Appointments/New");
        Assert.Contains("Kollegin Form", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{me}\" checked", form, StringComparison.Ordinal);
        var before = await fixture.Host.AppointmentCountAsync();

        Dictionary<string, string> Fields(string until, string exceptions) => new()
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(form), ["Kind"] = "group", ["PlaceKind"] = "shared_housing", ["PlaceText"] = "GU Am Hang",
            ["Date"] = "2027-06-01", ["StartTime"] = "16:00", ["EndTime"] = "17:30", ["RepeatEveryWeeks"] = "2", ["RepeatUntil"] = until,
            ["RepeatExceptions"] = exceptions, ["ConfirmWarnings"] = "true",
        };

        using var noEnd = await client.PostAsync("/Appointments/New", new FormUrlEncodedContent(Fields("", "")));
        Assert.Equal(HttpStatusCode.OK, noEnd.StatusCode);
        Assert.Contains("Say until when the series runs.", await noEnd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badDates = await client.PostAsync("/Appointments/New", new FormUrlEncodedContent(Fields("2027-07-27", "15. Juni")));
        Assert.Contains("Dates as 23.12.2026", await badDates.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Host.AppointmentCountAsync());

        var fields = Fields("2027-07-27", "15.06.2027").Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat([new("WorkerIds", me.ToString()), new("WorkerIds", colleague.Id.Value.ToString())]);
        using var created = await client.PostAsync("/Appointments/New", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // 1.6., (15.6. left out), 29.6., 13.7., 27.7. - each with both workers.
        Assert.Equal(before + 4, await fixture.Host.AppointmentCountAsync());
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        var first = await AppointmentsTestHost.GetAsync(client, id);
        Assert.NotNull(first["seriesId"]);
        Assert.Equal(2, first["workers"]!.AsArray().Count);
        var colleagueAgenda = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/appointments?who=worker&workerId={colleague.Id.Value}&from=2027-06-01&days=31");
        Assert.Equal(["2027-06-01", "2027-06-29"], colleagueAgenda!.Select(a => a!["startLocal"]!.GetValue<string>()[..10]));
    }

    [Fact]
    public async Task A_form_with_the_end_before_the_start_shows_the_error_and_plans_nothing()
    {
        using var client = await fixture.AsAsync(Roles.Streetworker);
        var token = SignIn.FormToken(await client.GetStringAsync("/Appointments/New"));
        var before = await fixture.Host.AppointmentCountAsync();

        using var response = await client.PostAsync("/Appointments/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Kind"] = "counselling", ["PlaceKind"] = "phone",
            ["Date"] = "2026-11-27", ["StartTime"] = "11:00", ["EndTime"] = "10:00",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end must be after the start.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Host.AppointmentCountAsync());
    }

    [Theory]
    [InlineData(Roles.Interpreter)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_without_case_work_do_not_see_the_agenda(string role)
    {
        using var client = await fixture.AsAsync(role);

        using var response = await client.GetAsync("/Appointments");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
