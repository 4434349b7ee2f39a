using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// The directory's CSV goes back in: export → import into an empty office (another installation) → export gives the same
/// file, on both databases; bad files are refused whole with row and column named; only administrators import.
/// </summary>
public sealed class DirectoryCsvImportTests
{
    private const string Header =
        "organization_id,organization_name,service_id,service_name,service_type,public_body,languages,taking_new_clients,typical_waiting_days,eligibility,fees,application_process,location_name,address,postal_code,city,opening_hours";

    private static readonly Guid Org = Guid.Parse("0193b000-0000-7000-8000-000000000001");
    private static readonly Guid Service = Guid.Parse("0193b000-0000-7000-8000-000000000002");

    private static string Row(string name = "Beratung Süd", string languages = "de ar", string serviceName = "Sozialberatung", string hours = "FREQ=WEEKLY;BYDAY=MO 09:00-12:00") =>
        $"{Org},Verein Süd e.V.,{Service},{serviceName},debt_counselling,no,{languages},yes,14,,kostenlos,,{name},Hauptstraße 1,10827,Berlin,{hours}";

    private static ByteArrayContent Csv(string text, bool bom = true) =>
        Csv(bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_import_into_an_empty_office_and_export_again_gives_the_same_csv(DatabaseProvider provider)
    {
        byte[] first;
        await using (var source = await ReferralsHost.StartAsync(provider))
        {
            await source.ImportDirectoryAsync();
            using var admin = await source.ClientAsync(Roles.Administrator);

            // A second location for the debt service, and quotes, commas and a leading minus in the fields.
            var json = ReferralsHost.DirectoryJson()
                .Replace("\"application_process\": \"Telefonisch anmelden\"", "\"application_process\": \"-> \\\"Termin\\\", telefonisch\"", StringComparison.Ordinal);
            using (var imported = await admin.PostAsync("/api/referrals/directory/import", new StringContent(json, Encoding.UTF8, "application/json")))
            {
                imported.EnsureSuccessStatusCode();
            }

            first = await admin.GetByteArrayAsync("/api/referrals/directory/export.csv");
        }

        var text = Encoding.UTF8.GetString(first);
        Assert.Contains("\"'-> \"\"Termin\"\", telefonisch\"", text, StringComparison.Ordinal);
        Assert.True(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 8, text);

        // Another installation, a new office without a directory.
        await using var target = await ReferralsHost.StartAsync(provider);
        var office = await target.Factory.CreateOfficeAsync("Streetwork Süd");
        using var newAdmin = await target.Factory.SignedInClientAsync(await target.Factory.CreateUserAsync(office, Roles.Administrator));
        Assert.Single((await newAdmin.GetStringAsync("/api/referrals/directory/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        using (var imported = await newAdmin.PostAsync("/api/referrals/directory/import.csv", Csv(first)))
        {
            Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
            var counts = await ReferralsHost.JsonAsync(imported);
            Assert.Equal(9, counts["organisations"]!.GetValue<int>());
        }

        var again = await newAdmin.GetByteArrayAsync("/api/referrals/directory/export.csv");
        Assert.Equal(text, Encoding.UTF8.GetString(again));

        // Importing it once more changes nothing (same ids, locations found by name).
        using (var twice = await newAdmin.PostAsync("/api/referrals/directory/import.csv", Csv(again)))
        {
            twice.EnsureSuccessStatusCode();
            Assert.Equal(0, (await ReferralsHost.JsonAsync(twice))["locations"]!.GetValue<int>());
        }

        Assert.Equal(text, Encoding.UTF8.GetString(await newAdmin.GetByteArrayAsync("/api/referrals/directory/export.csv")));
    }

    [Fact]
    public async Task A_csv_merge_updates_what_it_carries_and_keeps_the_rest()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        using var admin = await host.ClientAsync(Roles.Administrator);
        var csv = (await admin.GetStringAsync("/api/referrals/directory/export.csv")).Replace("Wohnsitz in Berlin-Mitte", "Wohnsitz in Berlin", StringComparison.Ordinal);

        using (var imported = await admin.PostAsync("/api/referrals/directory/import.csv", Csv(csv, bom: false)))
        {
            imported.EnsureSuccessStatusCode();
        }

        var directory = (await admin.GetFromJsonAsync<JsonObject>("/api/referrals/directory/export"))!;
        var debt = directory["organizations"]!.AsArray().Single(o => o!["id"]!.GetValue<Guid>() == ReferralsHost.DebtOrganisation)!;
        var service = debt["services"]!.AsArray().Single()!;
        Assert.Equal("Wohnsitz in Berlin", service["eligibility_description"]!.GetValue<string>());

        // What the CSV does not carry stays: descriptions, documents, contacts, the location's accessibility.
        Assert.Equal("Kostenlose Schuldner- und Insolvenzberatung", debt["description"]!.GetValue<string>());
        Assert.Equal("Überblick über Schulden, P-Konto, Verhandlung mit Gläubigern", service["description"]!.GetValue<string>());
        Assert.Equal(2, service["required_documents"]!.AsArray().Count);
        Assert.Single(debt["contacts"]!.AsArray());
        var location = Assert.Single(debt["locations"]!.AsArray())!;
        Assert.Equal(ReferralsHost.DebtLocation, location["id"]!.GetValue<Guid>());
        Assert.Equal("Stufenloser Zugang, Aufzug", location["accessibility"]![0]!["description"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "missing column", Header.Replace(",languages", "", StringComparison.Ordinal) + "\r\n" + Row().Replace(",de ar", "", StringComparison.Ordinal), "Zeile 1: Es fehlen die Spalten languages" },
        { "bad language", Header + "\r\n" + Row() + "\r\n" + Row(languages: "de xx"), "Zeile 3, Spalte languages: unbekannte Sprachcodes xx" },
        { "no service name", Header + "\r\n" + Row(serviceName: ""), "Zeile 2, Spalte service_name: Der Name des Angebots fehlt." },
        { "bad hours", Header + "\r\n" + Row(hours: "montags 9-12"), "Zeile 2, Spalte opening_hours" },
        { "location disagrees", Header + "\r\n" + Row() + "\r\n" + Row(hours: "FREQ=WEEKLY;BYDAY=TU 09:00-12:00"), "Zeile 3, Spalte location_name" },
        { "short row", Header + "\r\n" + Row() + "\r\n" + $"{Org},Verein Süd e.V.", "Zeile 3: 2 statt 17 Felder." },
        { "only a header", Header + "\r\n", "keine Zeilen unter der Kopfzeile" },
        { "empty", "", "Die Datei ist leer" },
        { "open quote", Header + "\r\n" + Row().Replace(",kostenlos,", ",\"kostenlos,", StringComparison.Ordinal), "Anführungszeichen" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_row_and_column_and_imports_nothing(string name, string csv, string expected)
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Administrator);
        var before = await admin.GetStringAsync("/api/referrals/directory/export.csv");

        // The good rows come first: all or nothing.
        using var response = await admin.PostAsync("/api/referrals/directory/import.csv", Csv(csv));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync("/api/referrals/directory/export.csv"));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.ClientAsync(Roles.Administrator);
        var latin1 = Encoding.Latin1.GetBytes(Header + "\r\n" + Row());

        using var response = await admin.PostAsync("/api/referrals/directory/import.csv", Csv(latin1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nicht UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Verein Süd", await admin.GetStringAsync("/api/referrals/directory/export.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_import_and_the_page_takes_a_csv_upload()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        var csv = Header + "\r\n" + Row();
        foreach (var role in new[] { Roles.Streetworker, Roles.Supervisor, Roles.Partner, Roles.Interpreter })
        {
            using var other = await host.ClientAsync(role);
            using var refused = await other.PostAsync("/api/referrals/directory/import.csv", Csv(csv));
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, role);
        }

        using (var anonymous = host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        using (var refused = await anonymous.PostAsync("/api/referrals/directory/import.csv", Csv(csv)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var admin = await host.ClientAsync(Roles.Administrator);
        Assert.DoesNotContain("Verein Süd", await admin.GetStringAsync("/api/referrals/directory/export.csv"), StringComparison.Ordinal);

        // The administration page: a bad upload names row and column; a good one imports.
        var page = await admin.GetStringAsync("/Referrals/Admin");
        using (var bad = new MultipartFormDataContent())
        {
            bad.Add(new StringContent(SignIn.FormToken(page)), "__RequestVerificationToken");
            bad.Add(Csv(Header + "\r\n" + Row(languages: "zz")), "Upload", "verzeichnis.csv");
            using var refused = await admin.PostAsync("/Referrals/Admin", bad);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Zeile 2, Spalte languages: unbekannte Sprachcodes zz", body, StringComparison.Ordinal);
        }

        using (var good = new MultipartFormDataContent())
        {
            good.Add(new StringContent(SignIn.FormToken(page)), "__RequestVerificationToken");
            good.Add(Csv(csv), "Upload", "verzeichnis.csv");
            using var imported = await admin.PostAsync("/Referrals/Admin", good);
            Assert.Contains("Importiert: 1 Organisationen, 1 Angebote, 1 neue Orte.", await imported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains($"{Org},Verein Süd e.V.,{Service},Sozialberatung", await admin.GetStringAsync("/api/referrals/directory/export.csv"), StringComparison.Ordinal);
    }
}
