using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>A district's HSDS directory goes in and comes out the same, on both databases.</summary>
public sealed class DirectoryRoundTripTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_then_export_gives_the_same_directory(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        using var admin = await host.ClientAsync(Roles.Administrator);

        var exported = OnlyImported(JsonNode.Parse(await admin.GetStringAsync("/api/referrals/directory/export"))!);
        var original = JsonNode.Parse(ReferralsHost.DirectoryJson())!;

        Assert.Equal(Normalise(original), Normalise(exported));

        // Importing the export again changes nothing.
        using var again = await admin.PostAsync("/api/referrals/directory/import", new StringContent(exported.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        again.EnsureSuccessStatusCode();
        Assert.Equal(Normalise(exported), Normalise(OnlyImported(JsonNode.Parse(await admin.GetStringAsync("/api/referrals/directory/export"))!)));

        var csv = (await admin.GetStringAsync("/api/referrals/directory/export.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, csv.Count(line => line.StartsWith(ReferralsHost.DebtOrganisation.ToString(), StringComparison.Ordinal) || line.StartsWith(ReferralsHost.JobCentre.ToString(), StringComparison.Ordinal)) + 1);
        Assert.Contains("\"Mahnungen\"", ReferralsHost.DirectoryJson(), StringComparison.Ordinal);
        Assert.Contains(csv, line => line.Contains(",Schuldnerberatung Nord e.V.,", StringComparison.Ordinal));
        Assert.Contains("FREQ=WEEKLY;BYDAY=MO,TU,TH 09:00-13:00", string.Join('\n', csv), StringComparison.Ordinal);
    }

    /// <summary>The demo office's own seeded directory is there too; compare only what the test imported.</summary>
    private static JsonObject OnlyImported(JsonNode document) => new()
    {
        ["version"] = document["version"]!.DeepClone(),
        ["organizations"] = new JsonArray([.. document["organizations"]!.AsArray()
            .Where(o => o!["id"]!.GetValue<Guid>() == ReferralsHost.DebtOrganisation || o["id"]!.GetValue<Guid>() == ReferralsHost.JobCentre)
            .Select(o => o!.DeepClone())]),
    };

    /// <summary>Organisations ordered by name; an empty list is the same as none (HSDS); the random ids of links and contacts (new on each test run) blanked; sorted keys.</summary>
    private static string Normalise(JsonNode document)
    {
        var organisations = document["organizations"]!.AsArray().Select(o => o!.DeepClone()).OrderBy(o => o["name"]!.GetValue<string>()).ToList();
        foreach (var organisation in organisations)
        {
            foreach (var service in organisation["services"]?.AsArray() ?? [])
            {
                foreach (var link in service!["service_at_locations"]?.AsArray() ?? [])
                {
                    link!["id"] = "-";
                }
            }

            foreach (var contact in organisation["contacts"]?.AsArray() ?? [])
            {
                contact!["id"] = "-";
            }
        }

        return Sorted(new JsonObject { ["version"] = document["version"]!.DeepClone(), ["organizations"] = new JsonArray([.. organisations]) })!.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => p.Value is not null && p.Value is not JsonArray { Count: 0 })
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
