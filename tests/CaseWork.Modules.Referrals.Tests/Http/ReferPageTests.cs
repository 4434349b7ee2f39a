using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>"Refer" from the case file as a page: consent coverage shown, refusal without consent, the public-body minimum.</summary>
public sealed class ReferPageTests
{
    private static FormUrlEncodedContent Form(string token, Guid needId, params string[] categories) => new(
    [
        new("__RequestVerificationToken", token),
        new("Form.NeedIds", needId.ToString()),
        .. categories.Select(c => new KeyValuePair<string, string>("Form.Categories", c)),
        new("Form.Urgency", "urgent"),
        new("Form.Message", "Bitte um einen Termin."),
    ]);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_worker_refers_from_the_page_only_with_a_covering_consent(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync("identity", "contact", "needs");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var page = $"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.DebtService}";

        var html = await worker.GetStringAsync(page);
        Assert.Contains("id=\"consent-covers\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"cat-needs\" name=\"Form.Categories\" value=\"needs\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cat-health\" name=\"Form.Categories\" value=\"health\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("§ 87 AufenthG", html, StringComparison.Ordinal);

        // Health is not covered: refused with a clear message, nothing sent.
        using (var refused = await worker.PostAsync(page, Form(SignIn.FormToken(html), client.Needs[0].NeedId, "identity", "contact", "health")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Keine gültige Einwilligung deckt die Weitergabe", body, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"agency-link\"", body, StringComparison.Ordinal);
        }

        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);

        using (var sent = await worker.PostAsync(page, Form(SignIn.FormToken(html), client.Needs[0].NeedId, "identity", "contact", "needs")))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            var body = await sent.Content.ReadAsStringAsync();
            Assert.Contains("id=\"agency-link\" href=\"/Referrals/Answer/", body, StringComparison.Ordinal);
        }

        var listed = Assert.Single((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
        Assert.Equal("sent", listed!["status"]!.GetValue<string>());
        Assert.Equal("urgent", listed["urgency"]!.GetValue<string>());
        Assert.Equal(["identity", "contact", "needs"], host.Clients.Checks.Last().DataCategories);

        var clientPage = await worker.GetStringAsync($"/Referrals/Client/{client.Id.Value}");
        Assert.Contains("Schuldnerberatung (Schuldnerberatung Nord e.V.)", clientPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Referrals/Refer/{client.Id.Value}\"", clientPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_public_body_gets_the_warning_and_the_minimum_by_default(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var client = host.Clients.AddClient(office, "Oleksandr Petrenko", "K-1B2C-33", "work_training");
        host.Clients.Consent(office, client.Id, ReferralsHost.JobCentre, new DateOnly(2027, 12, 31), "identity", "contact", "needs", "finances");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var page = $"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.JobCentreService}";

        var html = await worker.GetStringAsync(page);
        Assert.Contains("§ 87 AufenthG, § 71 SGB X", html, StringComparison.Ordinal);
        Assert.Contains("id=\"cat-identity\" name=\"Form.Categories\" value=\"identity\" checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"cat-contact\" name=\"Form.Categories\" value=\"contact\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cat-needs\" name=\"Form.Categories\" value=\"needs\" checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"acknowledge\"", html, StringComparison.Ordinal);

        // More than the minimum without acknowledging the warning: refused, nothing sent.
        using (var refused = await worker.PostAsync(page, Form(SignIn.FormToken(html), client.Needs[0].NeedId, "identity", "contact", "finances")))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("id=\"agency-link\"", body, StringComparison.Ordinal);
            Assert.Contains("error-summary", body, StringComparison.Ordinal);
        }

        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
    }

    [Fact]
    public async Task Unknown_clients_and_services_are_not_found()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);

        using (var unknown = await worker.GetAsync($"/Referrals/Refer/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var unknownList = await worker.GetAsync($"/Referrals/Client/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownList.StatusCode);
        }

        using (var unknownService = await worker.GetAsync($"/Referrals/Refer/{client.Id.Value}?serviceId={Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownService.StatusCode);
        }
    }

    [Fact]
    public async Task The_pages_speak_english_when_the_user_chose_it()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var client = host.Clients.AddClient(office, "Oleksandr Petrenko", "K-1B2C-33", "work_training");
        host.Clients.Consent(office, client.Id, ReferralsHost.JobCentre, new DateOnly(2027, 12, 31), "identity", "contact");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        worker.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var refer = await worker.GetStringAsync($"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.JobCentreService}");
        Assert.Contains("Public bodies may be obliged to pass information to the immigration office", refer, StringComparison.Ordinal);
        Assert.Contains("Send referral", refer, StringComparison.Ordinal);
        Assert.Contains("Which data is shared?", refer, StringComparison.Ordinal);
        Assert.DoesNotContain("Weitervermittlung senden", refer, StringComparison.Ordinal);

        var search = await worker.GetStringAsync($"/Referrals/Refer/{client.Id.Value}");
        Assert.Contains("1. Find a service", search, StringComparison.Ordinal);
        Assert.Contains("Job centre", search, StringComparison.Ordinal);

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        supervisor.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        var outcomes = await supervisor.GetStringAsync("/Referrals/Outcomes");
        Assert.Contains("Funnel", outcomes, StringComparison.Ordinal);
        Assert.Contains("Download CSV", outcomes, StringComparison.Ordinal);
        Assert.DoesNotContain("Trichter", outcomes, StringComparison.Ordinal);
    }
}
