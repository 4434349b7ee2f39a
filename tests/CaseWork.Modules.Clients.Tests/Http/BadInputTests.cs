using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CaseWork.Modules.Clients.Tests.Http;

/// <summary>Bad input gets problem details with field messages and changes nothing.</summary>
public sealed class BadInputTests(ClientsHostFixture fixture) : IClassFixture<ClientsHostFixture>
{
    public static TheoryData<string, string> InvalidRegistrations() => new()
    {
        { """{"details":{"givenNames":"","familyNames":""},"confirmedNotDuplicate":true}""", "details.GivenNames" },
        { """{"details":{"givenNames":"Amina","familyNames":"Haidari","dateOfBirth":"2099-01-01"},"confirmedNotDuplicate":true}""", "details.DateOfBirth" },
        { """{"details":{"givenNames":"Amina","familyNames":"Haidari","languages":[{"code":"xx-klingon","level":"Native"}]},"confirmedNotDuplicate":true}""", "details.Languages[0].Code" },
        { $$"""{"details":{"givenNames":"{{new string('a', 201)}}","familyNames":"Haidari"},"confirmedNotDuplicate":true}""", "details.GivenNames" },
        { """{"details":{"givenNames":"Amina","familyNames":"Haidari","reminderChannel":"Sms"},"confirmedNotDuplicate":true}""", "details.reminderChannel" },
        { """{"details":{"givenNames":"Amina","familyNames":"Haidari","gender":"unknown-value"},"confirmedNotDuplicate":true}""", "details.Gender" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task An_invalid_registration_gets_field_errors_and_registers_nobody(string json, string field)
    {
        var before = await ClientScenarioTests.CountClientsAsync(fixture.Host);

        var response = await fixture.Host.Streetworker.PostAsync("/api/clients", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        Assert.Equal(before, await ClientScenarioTests.CountClientsAsync(fixture.Host));
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_and_changes_nothing()
    {
        var before = await ClientScenarioTests.CountClientsAsync(fixture.Host);

        var response = await fixture.Host.Streetworker.PostAsync("/api/clients", new StringContent("""{"details":{"givenNames":"Amina",""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await ClientScenarioTests.CountClientsAsync(fixture.Host));
    }

    [Fact]
    public async Task An_over_long_note_or_unknown_topic_is_refused_and_the_timeline_stays_as_it_was()
    {
        var (id, _, _) = await fixture.Host.RegisterAsync("Nour", "Haddad");

        var tooLong = await fixture.Host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "Conversation", text = new string('x', 8001) });
        var unknownTopic = await fixture.Host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "Conversation", text = "ok", topics = new[] { "astrology" } });
        var noType = await fixture.Host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { text = "ok" });

        foreach (var (response, field) in new[] { (tooLong, "text"), (unknownTopic, "topics[0]"), (noType, "type") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }

        var file = await fixture.Host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file");
        Assert.Equal(0, file.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task A_consent_without_categories_or_ending_before_it_began_is_refused()
    {
        var (id, _, _) = await fixture.Host.RegisterAsync("Nour", "Haddad");

        var response = await fixture.Host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/consents", new
        {
            recipientName = "Jobcenter", recipientType = "job_centre", purpose = "Antrag", dataCategories = Array.Empty<string>(),
            givenOn = "2026-01-10", validUntil = "2025-12-31", form = "Oral",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("dataCategories", out _));
        Assert.True(errors.TryGetProperty("validUntil", out _));
    }
}
