using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>The open-referrals list: only open ones, longest waiting first, by pseudonym, overdue after 3 working days.</summary>
public sealed class OpenReferralsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Open_referrals_are_listed_by_pseudonym_with_the_overdue_ones_marked(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var first = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var second = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var third = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));

        // The second is declined (closed), the third accepted (open, answered).
        using var agency = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AnswerAsync(agency, second, new { action = "decline", reason = "no_capacity" });
        await AnswerAsync(agency, third, new { action = "accept" });

        // The first was sent Monday 2 November, 09:00 Berlin: its reminder was due Thursday 09:00; it is now Thursday 11:00.
        host.Clock.Advance(TimeSpan.FromDays(3));
        using var later = await host.ClientAsync(Roles.Streetworker);
        var open = (await later.GetFromJsonAsync<JsonArray>("/api/referrals/open"))!;

        Assert.Equal([first["referralId"]!.GetValue<Guid>(), third["referralId"]!.GetValue<Guid>()], open.Select(o => o!["id"]!.GetValue<Guid>()));
        Assert.All(open, o => Assert.Equal("K-7F3A-92", o!["clientCode"]!.GetValue<string>()));
        Assert.Null(open[0]!["name"]);
        Assert.True(open[0]!["overdue"]!.GetValue<bool>());
        Assert.False(open[1]!["overdue"]!.GetValue<bool>());

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonArray>("/api/referrals/open?mine=true"))!);
        Assert.Equal(2, (await supervisor.GetFromJsonAsync<JsonArray>("/api/referrals/open"))!.Count);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonArray>("/api/referrals/open?page=1"))!);
    }

    private static async Task AnswerAsync(HttpClient agency, JsonObject sent, object answer)
    {
        var token = sent["agencyLink"]!.GetValue<string>().Split('/').Last();
        var view = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{token}");
        var body = JsonSerializer(answer);
        body["version"] = view!["version"]!.GetValue<int>();
        using var response = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer", body);
        response.EnsureSuccessStatusCode();
    }

    private static JsonObject JsonSerializer(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();
}
