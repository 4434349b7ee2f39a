using System.Net;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Http;

/// <summary>
/// The change form on the appointment page: a client is found and added without script, one is taken off, the interpreter
/// need is set; unticking everyone or an unknown language shows the error on the form and changes nothing.
/// </summary>
public sealed class ClientsAndInterpreterPageTests(AppointmentApiFixture fixture) : IClassFixture<AppointmentApiFixture>
{
    [Fact]
    public async Task A_streetworker_finds_and_adds_a_client_takes_one_off_and_sets_the_interpreter_on_the_page()
    {
        using var http = await fixture.AsAsync(Roles.Streetworker);
        var me = (await fixture.Host.DemoUserAsync(Roles.Streetworker)).Id.Value;
        var newcomer = fixture.Clients.Add(fixture.Office, "Nargis Rahimi " + Guid.NewGuid().ToString("N")[..4], "fa", ReminderChannelKind.Sms, "+49 170 2222222");
        var id = await AppointmentsTestHost.CreateAsync(http, AppointmentsTestHost.NewAppointment(new DateTime(2027, 4, 20, 10, 0, 0), [fixture.Client.ClientId.Value], confirm: true));
        var page = await http.GetStringAsync($"/Appointments/Details/{id}");
        Assert.Contains($"name=\"EditClientIds\" value=\"{fixture.Client.ClientId.Value}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"EditInterpreterLanguage\"", page, StringComparison.Ordinal);

        using var found = await http.PostAsync($"/Appointments/Details/{id}?handler=FindClient", Form(SignIn.FormToken(page), me, [fixture.Client.ClientId.Value],
            search: newcomer.DisplayName));
        var foundPage = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"name=\"EditClientIds\" value=\"{newcomer.ClientId.Value}\"", foundPage, StringComparison.Ordinal);
        Assert.Contains("<details id=\"edit\" open", foundPage, StringComparison.Ordinal);

        using var nobody = await http.PostAsync($"/Appointments/Details/{id}?handler=Details", Form(SignIn.FormToken(foundPage), me, [], language: "fa"));
        Assert.Equal(HttpStatusCode.OK, nobody.StatusCode);
        var nobodyPage = await nobody.Content.ReadAsStringAsync();
        Assert.Contains("At least one client takes part.", nobodyPage, StringComparison.Ordinal);
        using var badLanguage = await http.PostAsync($"/Appointments/Details/{id}?handler=Details", Form(SignIn.FormToken(foundPage), me, [newcomer.ClientId.Value], language: "xx"));
        var badPage = await badLanguage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, badLanguage.StatusCode);
        Assert.Contains("Unknown language.", badPage, StringComparison.Ordinal);
        // The error belongs to the language field (marked for assistive technology and styles), not to a field the form lacks.
        Assert.Matches("<select[^>]*input-validation-error[^>]*name=\"EditInterpreterLanguage\"|<select[^>]*name=\"EditInterpreterLanguage\"[^>]*input-validation-error", badPage);
        var unchanged = await AppointmentsTestHost.GetAsync(http, id);
        Assert.Equal(0, unchanged["version"]!.GetValue<int>());
        Assert.Null(unchanged["interpreter"]);

        using var saved = await http.PostAsync($"/Appointments/Details/{id}?handler=Details", Form(SignIn.FormToken(foundPage), me, [newcomer.ClientId.Value], language: "fa"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await AppointmentsTestHost.GetAsync(http, id);
        Assert.Equal([newcomer.ClientId.Value], after["clients"]!.AsArray().Select(c => c!["clientId"]!.GetValue<Guid>()));
        Assert.Equal("fa", after["interpreter"]!["language"]!.GetValue<string>());
        Assert.Equal("video", after["interpreter"]!["modality"]!.GetValue<string>());
        var shown = await http.GetStringAsync($"/Appointments/Details/{id}");
        Assert.Contains(newcomer.DisplayName, shown, StringComparison.Ordinal);
        Assert.Contains("Farsi (Persisch)", shown, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, Guid worker, Guid[] clients, string? search = null, string? language = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Version", "0"), new("EditKind", "counselling"), new("EditPlaceKind", "address"),
            new("EditPlaceText", "Hauptstraße 5, Beratungsraum"), new("EditWorkerIds", worker.ToString()), new("EditClientSearch", search ?? ""),
            new("EditInterpreterLanguage", language ?? ""), new("EditInterpreterModality", "video"),
        };
        fields.AddRange(clients.Select(c => new KeyValuePair<string, string>("EditClientIds", c.ToString())));
        return new FormUrlEncodedContent(fields);
    }
}
