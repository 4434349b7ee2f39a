using System.Net;
using System.Net.Http.Json;

namespace CaseWork.Modules.Clients.Tests.Http;

/// <summary>
/// Every Clients endpoint as each caller: the demo office's streetworker, a streetworker of another office (404, never
/// 403: no existence leak), an interpreter and an administrator (no case content: 403), a supervisor (reads yes,
/// changes no) and an anonymous caller (401).
/// </summary>
public sealed class EndpointRoleMatrixTests(ClientsHostFixture fixture) : IClassFixture<ClientsHostFixture>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode NoContent = HttpStatusCode.NoContent;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;

    private sealed record Endpoint(HttpMethod Method, Func<Target, string> Path, Func<Target, object?> Body);

    internal sealed record Target(Guid ClientId, int Version, Guid NeedId, Guid GoalId, Guid ConsentId, Guid OtherClientId, Guid ContactId);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["register"] = new(HttpMethod.Post, _ => "/api/clients", _ => new { details = new { givenNames = "Olena", familyNames = "Kovalenko" }, confirmedNotDuplicate = true }),
        ["search"] = new(HttpMethod.Get, _ => "/api/clients?term=1990", _ => null),
        ["update"] = new(HttpMethod.Put, t => $"/api/clients/{t.ClientId}", t => new { version = t.Version, details = new { givenNames = "Amina", familyNames = "Haidari-Rahimi" } }),
        ["case-file"] = new(HttpMethod.Get, t => $"/api/clients/{t.ClientId}/case-file", _ => null),
        ["timeline"] = new(HttpMethod.Get, t => $"/api/clients/{t.ClientId}/timeline", _ => null),
        ["duplicates"] = new(HttpMethod.Get, t => $"/api/clients/{t.ClientId}/duplicates", _ => null),
        ["close"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/case-file/close", _ => new { version = 0, reason = "GoalsAchieved" }),
        ["workers"] = new(HttpMethod.Put, t => $"/api/clients/{t.ClientId}/case-file/workers", _ => new { version = 0, otherWorkers = Array.Empty<Guid>() }),
        ["note"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/notes", _ => new { type = "Conversation", text = "Gespräch im Büro", topics = new[] { "housing" } }),
        ["need"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/needs", _ => new { area = "debts" }),
        ["need-status"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/needs/{t.NeedId}/status", _ => new { status = "InProgress" }),
        ["goal"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/goals", _ => new { title = "Konto eröffnen", nextSteps = new[] { "Termin Bank" }, dueOn = "2030-01-01" }),
        ["goal-complete"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/goals/{t.GoalId}/complete", _ => new { achieved = true }),
        ["important-date"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/important-dates", _ => new { kind = "CourtDate", on = "2030-02-01" }),
        ["consent"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/consents", _ => Consent()),
        ["consent-revoke"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/consents/{t.ConsentId}/revoke", _ => new { }),
        ["merge"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/merge", t => new { survivorVersion = t.Version, mergedId = t.OtherClientId, mergedVersion = 0 }),
        ["erasure"] = new(HttpMethod.Post, t => $"/api/clients/{t.ClientId}/erasure", _ => new { reason = "Antrag vom 20.11.2026" }),
        ["contact-log"] = new(HttpMethod.Post, _ => "/api/clients/anonymous-contacts", _ => new { nickname = "Mütze", place = "Street", topics = new[] { "housing" } }),
        ["contact-list"] = new(HttpMethod.Get, _ => "/api/clients/anonymous-contacts", _ => null),
        ["contact-convert"] = new(HttpMethod.Post, t => $"/api/clients/anonymous-contacts/{t.ContactId}/convert", _ => new { version = 0, details = new { givenNames = "Karim", familyNames = "Nasseri" } }),
        ["my"] = new(HttpMethod.Get, _ => "/api/clients/my", _ => null),
        ["goals-due"] = new(HttpMethod.Get, _ => "/api/clients/my/goals-due", _ => null),
        ["dates"] = new(HttpMethod.Get, _ => "/api/clients/my/important-dates", _ => null),
        ["retention-get"] = new(HttpMethod.Get, _ => "/api/clients/retention-setting", _ => null),
        ["retention-put"] = new(HttpMethod.Put, _ => "/api/clients/retention-setting", _ => new { years = 5 }),
    };

    private static object Consent() => new
    {
        recipientName = "Jobcenter Nord",
        recipientType = "job_centre",
        purpose = "Antrag Bürgergeld",
        dataCategories = new[] { "identity", "finances" },
        givenOn = "2026-01-15",
        givenInLanguage = "prs",
        interpreterHelped = true,
        form = "Written",
    };

    public static TheoryData<string, Caller, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Caller, HttpStatusCode>();
        // Streetworker of the office.
        var own = new Dictionary<string, HttpStatusCode>
        {
            ["register"] = Created, ["search"] = Ok, ["update"] = Ok, ["case-file"] = Ok, ["timeline"] = Ok, ["duplicates"] = Ok, ["close"] = Ok, ["workers"] = Ok,
            ["note"] = Created, ["need"] = Created, ["need-status"] = NoContent, ["goal"] = Created, ["goal-complete"] = NoContent,
            ["important-date"] = Created, ["consent"] = Created, ["consent-revoke"] = NoContent, ["merge"] = Ok, ["erasure"] = NoContent,
            ["contact-log"] = Created, ["contact-list"] = Ok, ["contact-convert"] = Created, ["my"] = Ok, ["goals-due"] = Ok, ["dates"] = Ok,
            ["retention-get"] = Forbidden, ["retention-put"] = Forbidden,
        };
        var reads = new HashSet<string> { "search", "case-file", "timeline" };
        var unscoped = new HashSet<string> { "register", "search", "contact-log", "contact-list", "my", "goals-due", "dates", "retention-get", "retention-put" };
        foreach (var (name, status) in own)
        {
            data.Add(name, Caller.Streetworker, status);
            // Another office: the record does not exist for them; office-wide lists and new records are their own office's.
            data.Add(name, Caller.OtherOfficeStreetworker, unscoped.Contains(name) ? status : NotFound);
            data.Add(name, Caller.Interpreter, Forbidden);
            data.Add(name, Caller.Supervisor, reads.Contains(name) ? Ok : Forbidden);
            data.Add(name, Caller.Administrator, name.StartsWith("retention", StringComparison.Ordinal) ? Ok : Forbidden);
            data.Add(name, Caller.Anonymous, Unauthorized);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_endpoint_answers_each_role_as_expected(string endpoint, Caller caller, HttpStatusCode expected)
    {
        var target = await ArrangeAsync();
        var definition = Endpoints[endpoint];
        using var request = new HttpRequestMessage(definition.Method, definition.Path(target));
        if (definition.Body(target) is { } body)
            request.Content = JsonContent.Create(body);

        using var response = await fixture.Host.As(caller).SendAsync(request);

        Assert.True(expected == response.StatusCode, $"{endpoint} as {caller}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if ((int)expected >= 400 && expected != Unauthorized)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<Target> ArrangeAsync()
    {
        var host = fixture.Host;
        var sw = host.Streetworker;
        var (id, version, _) = await host.RegisterAsync();
        var (other, _, _) = await host.RegisterAsync("Oksana", "Melnyk");
        var need = await IdOf(await sw.PostAsJsonAsync($"/api/clients/{id}/needs", new { area = "housing" }));
        var goal = await IdOf(await sw.PostAsJsonAsync($"/api/clients/{id}/goals", new { title = "Wohnung", dueOn = "2030-01-01" }));
        var consent = await IdOf(await sw.PostAsJsonAsync($"/api/clients/{id}/consents", Consent()));
        var contact = await sw.PostAsJsonAsync("/api/clients/anonymous-contacts", new { nickname = "Der Große", place = "SharedHousing" });
        var contactId = (await contact.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        return new Target(id, version, need, goal, consent, other, contactId);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }
}
