using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.SendReminders;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseWork.Modules.Appointments.Tests;

/// <summary>
/// Stands in for the Clients module (being built in parallel): summaries and pick lists per office, as the real directory
/// answers them — another office's client reads as null.
/// </summary>
internal sealed class FakeClientDirectory : IClientDirectory
{
    private readonly Dictionary<(OfficeId, Guid), ClientDisplaySummary> _clients = [];
    private readonly Lock _lock = new();

    public ClientDisplaySummary Add(OfficeId office, string name, string language, ReminderChannelKind channel, string? address)
    {
        var id = ClientId.New();
        var summary = new ClientDisplaySummary(id, "K-" + id.Value.ToString("N")[..6].ToUpperInvariant(), name, string.Concat(name.Split(' ').Select(p => p[0])),
            language, false, null, null, null, channel, address, false);
        Set(office, summary);
        return summary;
    }

    public void Set(OfficeId office, ClientDisplaySummary summary)
    {
        lock (_lock)
        {
            _clients[(office, summary.ClientId.Value)] = summary;
        }
    }

    public Task<ClientDisplaySummary?> GetDisplaySummaryAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_clients.GetValueOrDefault((office, client.Value)));
        }
    }

    public Task<IReadOnlyDictionary<ClientId, string>> GetDisplayNamesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<ClientId, string> names = clients.Distinct().Where(c => _clients.ContainsKey((office, c.Value)))
                .ToDictionary(c => c, c => _clients[(office, c.Value)].DisplayName);
            return Task.FromResult(names);
        }
    }

    public Task<IReadOnlyDictionary<ClientId, string>> GetPseudonymCodesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<ClientId, string> codes = clients.Where(c => _clients.ContainsKey((office, c.Value)))
                .ToDictionary(c => c, c => _clients[(office, c.Value)].PseudonymCode);
            return Task.FromResult(codes);
        }
    }

    public Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ClientPickItem> found = [.. _clients.Where(c => c.Key.Item1 == office && c.Value.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase))
                .Take(limit).Select(c => new ClientPickItem(c.Value.ClientId, c.Value.PseudonymCode, c.Value.DisplayName, null))];
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<ClientNeedSummary>> GetNeedsAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClientNeedSummary>>([]);

    public Task<IReadOnlyList<UserId>> GetExcludedInterpretersAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserId>>([]);

    public Task<ConsentCheckResult> CheckConsentAsync(ConsentCheck check, CancellationToken cancellationToken) =>
        Task.FromResult(new ConsentCheckResult(false, null, []));
}

/// <summary>A host for the module's tests: a clock the test moves (Monday 23 November 2026, 09:00 in Berlin) and the fake client directory.</summary>
internal static class AppointmentsTestHost
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static CaseWorkHostFactory Create(DatabaseOptions database, FakeTimeProvider clock, FakeClientDirectory clients, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(database, settings is null ? null : new Dictionary<string, string?>(settings))
        {
            ConfigureTestServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IClientDirectory>(clients);
            },
        };

    /// <summary>Runs the reminder sweep once, as the scheduled job does.</summary>
    public static async Task<int> SweepAsync(this CaseWorkHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<SendDueReminders, int>>().Handle(new SendDueReminders(), CancellationToken.None);
        return result.Value;
    }

    /// <summary>
    /// Sweeps and reads until <paramref name="done"/> holds (or a minute has passed; the caller's assertions then say what
    /// was left). The host's own scheduled sweep runs too and may be the one that sends, so a test cannot assume its sweep did.
    /// </summary>
    public static async Task<T> SweepUntilAsync<T>(this CaseWorkHostFactory host, Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await host.SweepAsync();
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(200);
        }
    }

    public static async Task<T> WithDbAsync<T>(this CaseWorkHostFactory host, Func<AppointmentsDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        return await read(db);
    }

    public static Task<int> AppointmentCountAsync(this CaseWorkHostFactory host) =>
        host.WithDbAsync(db => db.Appointments.IgnoreQueryFilters().CountAsync());

    public static object NewAppointment(DateTime start, IEnumerable<Guid>? clients = null, object? interpreter = null, Guid? roomId = null, bool confirm = false, string? timeZone = null, DateTime? end = null) => new
    {
        kind = "counselling",
        placeKind = roomId is null ? "address" : "office_room",
        placeText = "Hauptstraße 5, Beratungsraum",
        roomId,
        topic = "Mietschulden, Räumungsklage",
        start,
        end = end ?? start.AddHours(1),
        timeZone,
        clientIds = clients?.ToArray() ?? [],
        interpreter,
        confirmWarnings = confirm,
    };

    public static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/appointments", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["appointmentIds"]![0]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, Guid id)
    {
        var text = await client.GetStringAsync($"/api/appointments/{id}");
        return JsonNode.Parse(text)!;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
