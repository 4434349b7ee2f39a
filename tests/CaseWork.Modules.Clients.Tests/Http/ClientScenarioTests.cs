using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.Retention;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.Clients.Tests.Http;

/// <summary>Use cases end to end over HTTP, on SQLite and on PostgreSQL.</summary>
public sealed class ClientScenarioTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Registration_in_another_script_is_stopped_by_the_duplicate_check_until_confirmed(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (existing, _, code) = await host.RegisterAsync("Mohammed", "Al-Ahmad", new { givenNames = "Mohammed", familyNames = "Al-Ahmad", dateOfBirth = "1994" });

        var attempt = new { details = new { givenNames = "محمد", familyNames = "الأحمد", dateOfBirth = "1994-05-01" } };
        var stopped = await host.Streetworker.PostAsJsonAsync("/api/clients", attempt);

        Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
        var body = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("registered").GetBoolean());
        var candidate = body.GetProperty("candidates").EnumerateArray().Single();
        Assert.Equal(existing, candidate.GetProperty("clientId").GetGuid());
        Assert.Equal(code, candidate.GetProperty("pseudonymCode").GetString());
        Assert.NotEmpty(candidate.GetProperty("reasons").EnumerateArray());
        Assert.Equal(1, await CountClientsAsync(host));

        var confirmed = await host.Streetworker.PostAsJsonAsync("/api/clients", new { attempt.details, confirmedNotDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(2, await CountClientsAsync(host));
        Assert.Contains(await OutboxTypesAsync(host), t => t.Contains(nameof(ClientRegistered), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Search_finds_a_name_in_any_script_and_flags_likely_duplicates(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (oleksandr, _, code) = await host.RegisterAsync("Олександр", "Шевченко", new { givenNames = "Олександр", familyNames = "Шевченко", dateOfBirth = "1988-02-03" });
        await host.RegisterAsync("Oleksandr", "Shevchenko", new { givenNames = "Oleksandr", familyNames = "Shevchenko", dateOfBirth = "1988-02-03" });
        await host.RegisterAsync("Fatima", "Rahimi");

        foreach (var term in new[] { "Aleksandr", "oleks", "Олександр", "Schewtschenko" })
        {
            var hits = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients?term={Uri.EscapeDataString(term)}");
            Assert.True(hits.GetArrayLength() == 2, $"'{term}' found {hits}");
            Assert.All(hits.EnumerateArray(), h => Assert.True(h.GetProperty("likelyDuplicate").GetBoolean()));
        }

        var byCode = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients?term={code}");
        Assert.Equal(oleksandr, byCode.EnumerateArray().Single().GetProperty("clientId").GetGuid());
        var byDate = await host.Streetworker.GetFromJsonAsync<JsonElement>("/api/clients?term=03.02.1988");
        Assert.Equal(2, byDate.GetArrayLength());
        // Another office finds nothing of this office.
        var other = await host.OtherOfficeStreetworker.GetFromJsonAsync<JsonElement>("/api/clients?term=Oleksandr");
        Assert.Equal(0, other.GetArrayLength());
        // A supervisor gets no name search, and a code search without names.
        Assert.Equal(0, (await host.Supervisor.GetFromJsonAsync<JsonElement>("/api/clients?term=Oleksandr")).GetArrayLength());
        var pseudonymised = (await host.Supervisor.GetFromJsonAsync<JsonElement>($"/api/clients?term={code}")).EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, pseudonymised.GetProperty("displayName").ValueKind);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Case_file_reads_are_audited_and_a_supervisor_sees_names_only_with_a_reason(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (id, _, code) = await host.RegisterAsync();
        var note = await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "HomeVisit", text = "Besuch in der GU", durationMinutes = 40, topics = new[] { "housing" } });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "PhoneCall", text = "Rückruf", topics = new[] { "debts" } });

        var file = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file");
        Assert.Equal("Amina Haidari", file.GetProperty("client").GetProperty("displayName").GetString());
        Assert.Equal(3, file.GetProperty("timeline").GetArrayLength() + 1);
        var filtered = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file?topic=housing");
        Assert.Equal("Besuch in der GU", filtered.GetProperty("timeline").EnumerateArray().Single().GetProperty("text").GetString());
        var byType = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file?noteType=PhoneCall");
        Assert.Equal("Rückruf", byType.GetProperty("timeline").EnumerateArray().Single().GetProperty("text").GetString());

        var pseudonymised = await host.Supervisor.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file");
        Assert.False(pseudonymised.GetProperty("client").GetProperty("named").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pseudonymised.GetProperty("client").GetProperty("displayName").ValueKind);
        Assert.Equal(code, pseudonymised.GetProperty("client").GetProperty("pseudonymCode").GetString());
        Assert.All(pseudonymised.GetProperty("timeline").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("text").ValueKind));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/clients/{id}/case-file");
        request.Headers.Add("CaseWork-Access-Reason", "Beschwerde der Klientin, Prüfung des Verlaufs");
        var named = await (await host.Supervisor.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Amina Haidari", named.GetProperty("client").GetProperty("displayName").GetString());

        var audit = await AuditEntriesAsync(host, id.ToString());
        Assert.Contains(audit, e => e.Action == nameof(AuditAction.Create) && e.RecordType == "Client");
        Assert.True(audit.Count(e => e.Action == nameof(AuditAction.Read) && e.RecordType == "CaseFile") >= 4);
        Assert.Contains(audit, e => e.Action == nameof(AuditAction.ReasonedAccess) && e.Reason == "Beschwerde der Klientin, Prüfung des Verlaufs");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_timeline_pages_through_the_notes_filters_them_and_audits_every_page(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (id, _, code) = await host.RegisterAsync();
        for (var i = 1; i <= 52; i++)
        {
            using var created = await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new
            {
                type = i % 2 == 0 ? "PhoneCall" : "Conversation",
                text = $"Notiz {i}",
                // Notes 1 to 3 share a moment, so the page boundary falls inside the tie.
                occurredAt = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(Math.Max(i, 3)),
                topics = new[] { i == 7 ? "housing" : "debts" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var first = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/timeline");
        Assert.Equal("Amina Haidari", first.GetProperty("client").GetProperty("displayName").GetString());
        var firstNotes = first.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(50, firstNotes.Count);
        Assert.True(first.GetProperty("moreNotes").GetBoolean());
        Assert.Equal("Notiz 52", firstNotes[0].GetProperty("text").GetString());
        var before = Uri.EscapeDataString(firstNotes[^1].GetProperty("occurredAt").GetString()!);
        var beforeId = firstNotes[^1].GetProperty("id").GetString();
        var second = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/timeline?before={before}&beforeId={beforeId}");
        var secondNotes = second.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(2, secondNotes.Count);
        Assert.False(second.GetProperty("moreNotes").GetBoolean());
        Assert.Equal(
            Enumerable.Range(1, 52).Select(i => $"Notiz {i}").Order(),
            firstNotes.Concat(secondNotes).Select(n => n.GetProperty("text").GetString()!).Order());
        // The case file page's "older entries" link carries the same cursor and shows the rest of the tie.
        var pageOne = await host.Streetworker.GetStringAsync($"/Clients/CaseFile/{id}");
        var older = System.Text.RegularExpressions.Regex.Match(pageOne, "<a href=\"([^\"]+)\">Ältere Einträge</a>");
        Assert.True(older.Success, "the first page links to older entries");
        var pageTwo = await host.Streetworker.GetStringAsync(System.Net.WebUtility.HtmlDecode(older.Groups[1].Value));
        Assert.All(secondNotes, n => Assert.Contains(n.GetProperty("text").GetString()!, pageTwo, StringComparison.Ordinal));
        Assert.DoesNotContain("Notiz 52<", pageTwo, StringComparison.Ordinal);
        using var idWithoutTime = await host.Streetworker.GetAsync($"/api/clients/{id}/timeline?beforeId={beforeId}");
        Assert.Equal(HttpStatusCode.BadRequest, idWithoutTime.StatusCode);
        Assert.True((await idWithoutTime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("beforeId", out _));
        var housing = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/timeline?topic=housing");
        Assert.Equal("Notiz 7", housing.GetProperty("notes").EnumerateArray().Single().GetProperty("text").GetString());

        // A supervisor pages by pseudonym, without the notes' text; bad filters and other offices get nothing.
        var pseudonymised = await host.Supervisor.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/timeline");
        Assert.Equal(code, pseudonymised.GetProperty("client").GetProperty("pseudonymCode").GetString());
        Assert.Equal(JsonValueKind.Null, pseudonymised.GetProperty("client").GetProperty("displayName").ValueKind);
        Assert.All(pseudonymised.GetProperty("notes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("text").ValueKind));
        using var badType = await host.Streetworker.GetAsync($"/api/clients/{id}/timeline?noteType=Gossip");
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.True((await badType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("noteType", out _));
        using var elsewhere = await host.OtherOfficeStreetworker.GetAsync($"/api/clients/{id}/timeline");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        var audit = await AuditEntriesAsync(host, id.ToString());
        Assert.Equal(5, audit.Count(e => e.Action == nameof(AuditAction.Read) && e.RecordType == "CaseFile" && e.Details is null));
        Assert.Single(audit, e => e.Action == nameof(AuditAction.Read) && e.RecordType == "CaseFile" && e.Details == "pseudonymised");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_second_edit_based_on_the_same_version_gets_a_conflict_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (id, version, _) = await host.RegisterAsync();

        var first = await host.Streetworker.PutAsJsonAsync($"/api/clients/{id}", new { version, details = new { givenNames = "Amina", familyNames = "Rahimi" } });
        var second = await host.Streetworker.PutAsJsonAsync($"/api/clients/{id}", new { version, details = new { givenNames = "Amina", familyNames = "Karimi" } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("concurrent-edit", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var file = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file");
        Assert.Equal("Rahimi", file.GetProperty("client").GetProperty("familyNames").GetString());
        Assert.Equal(version + 1, file.GetProperty("client").GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_erasure_request_anonymises_at_once_keeps_statistics_and_tells_other_modules(DatabaseProvider provider)
    {
        await using var host = await ClientsHost.StartAsync(provider);
        var (id, _, code) = await host.RegisterAsync();
        await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/needs", new { area = "housing", description = "Wohnung in Köln" });
        var kept = (await (await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "DocumentReceived", text = "Verwendungsnachweis" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "Conversation", text = "Frau Haidari erzählt von ihrer Familie" });

        var erased = await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/erasure", new { reason = "Antrag vom 20.11.2026", keepNotesByLaw = new[] { kept } });

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var file = await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file");
        Assert.Equal("anonymisiert", file.GetProperty("client").GetProperty("displayName").GetString());
        Assert.Equal(code, file.GetProperty("client").GetProperty("pseudonymCode").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("client").GetProperty("dateOfBirth").ValueKind);
        Assert.Empty(file.GetProperty("client").GetProperty("contactChannels").EnumerateArray());
        var need = file.GetProperty("needs").EnumerateArray().Single();
        Assert.Equal("housing", need.GetProperty("area").GetString());
        Assert.Equal(JsonValueKind.Null, need.GetProperty("description").ValueKind);
        var texts = file.GetProperty("timeline").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Contains("Verwendungsnachweis", texts);
        Assert.DoesNotContain(texts, t => t!.Contains("Haidari", StringComparison.Ordinal));
        Assert.Equal(0, (await host.Streetworker.GetFromJsonAsync<JsonElement>("/api/clients?term=Haidari")).GetArrayLength());
        Assert.Contains(await OutboxTypesAsync(host), t => t.Contains(nameof(ClientAnonymised), StringComparison.Ordinal));
        Assert.Contains(await AuditEntriesAsync(host, id.ToString()), e => e.Action == nameof(AuditAction.Delete) && e.Reason!.Contains("Antrag", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, (await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/notes", new { type = "Other", text = "x" })).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_retention_sweep_anonymises_files_closed_longer_than_the_office_period(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var host = await ClientsHost.StartAsync(provider, clock);
        // The fake clock jumps years; the host's own scheduler would run the sweep concurrently with the one under test.
        var scheduler = await host.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.PauseJob(new JobKey("anonymise-due-case-files", ClientsContract.ModuleName));
        var (due, dueVersion, _) = await host.RegisterAsync("Amina", "Haidari");
        var (stillKept, keptVersion, _) = await host.RegisterAsync("Oksana", "Melnyk");
        var (open, _, _) = await host.RegisterAsync("Karim", "Nasseri");
        Assert.Equal(HttpStatusCode.OK, (await host.Streetworker.PostAsJsonAsync($"/api/clients/{due}/case-file/close", new { version = 0, reason = "GoalsAchieved" })).StatusCode);
        clock.SetUtcNow(new DateTimeOffset(2022, 9, 1, 10, 0, 0, TimeSpan.Zero));
        await host.SignInAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Streetworker.PostAsJsonAsync($"/api/clients/{stillKept}/case-file/close", new { version = 0, reason = "MovedAway" })).StatusCode);
        _ = (dueVersion, keptVersion, open);

        // Three years and a day after the first closing, in the office's time zone.
        clock.SetUtcNow(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var anonymised = await SweepAsync(host);
        await host.SignInAgainAsync();

        Assert.Equal(1, anonymised);
        Assert.Equal("anonymisiert", await DisplayNameAsync(host, due));
        Assert.Equal("Oksana Melnyk", await DisplayNameAsync(host, stillKept));
        Assert.Equal("Karim Nasseri", await DisplayNameAsync(host, open));
        Assert.Contains(await OutboxTypesAsync(host), t => t.Contains(nameof(ClientAnonymised), StringComparison.Ordinal));
        Assert.Equal(0, await SweepAsync(host));

        // An office that keeps files for five years: the second file is not due in 2025 either.
        Assert.Equal(HttpStatusCode.OK, (await host.Administrator.PutAsJsonAsync("/api/clients/retention-setting", new { years = 5 })).StatusCode);
        clock.SetUtcNow(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await SweepAsync(host));
        clock.SetUtcNow(new DateTimeOffset(2027, 9, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await SweepAsync(host));
        await host.SignInAgainAsync();
        Assert.Equal("anonymisiert", await DisplayNameAsync(host, stillKept));
    }

    private static async Task<int> SweepAsync(ClientsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ICommandHandler<AnonymiseDueCaseFiles, int>>();
        var result = await handler.Handle(new AnonymiseDueCaseFiles(), CancellationToken.None);
        Assert.True(result.IsSuccess, $"{host.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()}: {result.Error?.Message}");
        return result.Value;
    }

    private static async Task<string?> DisplayNameAsync(ClientsHost host, Guid id) =>
        (await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file")).GetProperty("client").GetProperty("displayName").GetString();

    internal static async Task<int> CountClientsAsync(ClientsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var office = host.StreetworkerUser.OfficeId;
        return await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().Clients.IgnoreQueryFilters().CountAsync(c => c.OfficeId == office);
    }

    internal static async Task<List<string>> OutboxTypesAsync(ClientsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync();
    }

    internal static async Task<List<AuditEntry>> AuditEntriesAsync(ClientsHost host, string recordId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Set<AuditEntry>()
            .Where(e => e.Module == ClientsContract.ModuleName && e.RecordId == recordId).ToListAsync();
    }
}

/// <summary>Referrals tells Clients that a referral ended: the needs it was for are resolved, once.</summary>
public sealed class ReferralCompletedTests
{
    [Fact]
    public async Task A_completed_referral_resolves_its_needs_and_a_redelivery_changes_nothing()
    {
        await using var host = await ClientsHost.StartAsync(DatabaseProvider.Sqlite);
        var (id, _, _) = await host.RegisterAsync();
        var need = (await (await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/needs", new { area = "debts" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = (await (await host.Streetworker.PostAsJsonAsync($"/api/clients/{id}/needs", new { area = "housing" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var office = host.StreetworkerUser.OfficeId;
        var referral = Guid.NewGuid();
        var completed = new Referrals.Contracts.ReferralCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, office, referral, id, [need], "goal_reached");

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IntegrationEventHandlers.ReferralCompletedHandler>();
            await handler.Handle(completed, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().SaveChangesAsync();
        }

        var needs = (await host.Streetworker.GetFromJsonAsync<JsonElement>($"/api/clients/{id}/case-file")).GetProperty("needs").EnumerateArray().ToList();
        var closed = needs.Single(n => n.GetProperty("id").GetGuid() == need);
        Assert.Equal("resolved", closed.GetProperty("status").GetString());
        Assert.Equal(referral, closed.GetProperty("referralId").GetGuid());
        Assert.Equal("open", needs.Single(n => n.GetProperty("id").GetGuid() == other).GetProperty("status").GetString());
    }
}
