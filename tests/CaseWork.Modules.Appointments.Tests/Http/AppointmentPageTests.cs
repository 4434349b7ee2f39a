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
