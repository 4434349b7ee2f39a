using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>A real host on SQLite or PostgreSQL, with helpers to put interpreters and requests straight into the module's store.</summary>
internal sealed class BookingHost : IAsyncDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly List<CaseWorkHostFactory> _others = [];
    private PostgresTestDatabase? _postgres;
    private DatabaseOptions _database = null!;
    private IDictionary<string, string?>? _settings;

    private BookingHost()
    {
    }

    public CaseWorkHostFactory Host { get; private set; } = null!;

    public static async Task<BookingHost> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var booking = new BookingHost();
        DatabaseOptions database;
        if (provider == DatabaseProvider.Postgres)
        {
            booking._postgres = await TestDatabases.CreatePostgresAsync("interp");
            database = TestDatabases.Postgres(booking._postgres.ConnectionString);
        }
        else
        {
            database = TestDatabases.Sqlite(booking._directory.Path);
        }

        booking._database = database;
        booking._settings = settings;
        booking.Host = new CaseWorkHostFactory(database, settings) { ConfigureTestServices = services };
        using (var client = booking.Host.CreateClient())
        {
            await Readiness.WaitUntilReadyAsync(client);
        }
        return booking;
    }

    /// <summary>Calls one of the module's event handlers in its own scope and saves, as the outbox dispatcher would.</summary>
    public async Task HandleAsync<THandler>(Func<THandler, Task> handle)
        where THandler : notnull
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await handle(scope.ServiceProvider.GetRequiredService<THandler>());
        await scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>().SaveChangesAsync();
    }

    /// <summary>Sends a command through its handler (and the unit of work around it) in its own scope, with no signed-in user.</summary>
    public async Task<Result<TValue>> SendAsync<TCommand, TValue>(TCommand command)
        where TCommand : ICommand<TValue>
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TValue>>().Handle(command, default);
    }

    public async Task<T> WithDbAsync<T>(Func<InterpreterBookingDbContext, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
        return await work(db);
    }

    public Task<List<InterpreterProfile>> AddInterpretersAsync(OfficeId office, int count, string language = "ar") =>
        WithDbAsync(async db =>
        {
            var profiles = Enumerable.Range(1, count).Select(i => new InterpreterProfile(UserId.New(), $"Interpreter {i:00}")
            {
                Languages = [new LanguageSkill(language, ["Levantine"], Qualification.TrainedCommunityInterpreter)],
                DailyMaximum = 12,
                CalendarToken = Offer.NewToken(),
            }).ToList();
            db.Interpreters.AddRange(profiles);
            db.PoolMemberships.AddRange(profiles.Select(p => new PoolMembership(office, p.Id, DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
            return profiles;
        });

    public Task<InterpreterProfile> AddProfileAsync(OfficeId office, UserId user, string name, string language = "ar") =>
        WithDbAsync(async db =>
        {
            var profile = new InterpreterProfile(user, name)
            {
                Phone = "+49 30 555 0101",
                Languages = [new LanguageSkill(language, ["Levantine"], Qualification.TrainedCommunityInterpreter)],
                CalendarToken = Offer.NewToken(),
            };
            db.Interpreters.Add(profile);
            db.PoolMemberships.Add(new PoolMembership(office, user, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return profile;
        });

    /// <summary>A request offered at once to every given interpreter (one tier as wide as the list).</summary>
    public Task<InterpreterRequest> AddOfferedRequestAsync(OfficeId office, IReadOnlyList<InterpreterProfile> to, DateTimeOffset start, Modality modality = Modality.InPerson) =>
        WithDbAsync(async db =>
        {
            var policy = new BookingPolicy(office) { TierSize = to.Count };
            var now = DateTimeOffset.UtcNow;
            var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", modality, start, start.AddHours(1), "Raum 1", null,
                SubjectArea.Health, null, null, null, null, policy, now);
            request.OfferNextTier(to.Select((p, i) => new RankedInterpreter(p.Id, p.DisplayName, i + 1, Qualification.TrainedCommunityInterpreter, null)).ToList(), policy, now);
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request;
        });

    /// <summary>Another host instance on the same database, as a second server behind a load balancer would be.</summary>
    public async Task<CaseWorkHostFactory> StartAnotherHostAsync()
    {
        var other = new CaseWorkHostFactory(_database, _settings);
        _others.Add(other);
        using (var client = other.CreateClient())
        {
            await Readiness.WaitUntilReadyAsync(client);
        }

        return other;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await Host.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _directory.Dispose();
    }
}
