using System.Text.Json;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Tests;

/// <summary>
/// The hand-written agenda read (ADR 0037) answers exactly what the EF query answers: the same appointments of the window
/// in the same order, with room name, clients (anonymised ones too) and workers, for a room, a worker and the whole office,
/// on both providers; nothing of another office, nothing without an office.
/// </summary>
public sealed class AgendaReaderTests
{
    private static readonly OfficeClock Clock = OfficeClock.Berlin;
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reads_the_same_rows_as_the_ef_query_for_rooms_workers_and_the_office(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "agenda");
        var office = OfficeId.New();
        var other = OfficeId.New();
        await using var db = await MigratedAsync(database, office);
        var rooms = new[] { new Room(office, "Raum 1"), new Room(office, "Raum 2") };
        var otherRoom = new Room(other, "Fremder Raum");
        db.Rooms.AddRange([.. rooms, otherRoom]);
        var workers = new[] { UserId.From(Guid.CreateVersion7()), UserId.From(Guid.CreateVersion7()), UserId.From(Guid.CreateVersion7()) };
        var random = new Random(20261205);
        var appointments = new List<Appointment>();
        for (var i = 0; i < 60; i++)
        {
            // Across the week before, the week and the week after, some starting the evening before a window and lasting into it,
            // some at the same time (ties on start).
            var day = Monday.AddDays(random.Next(-7, 14));
            var start = Clock.ToInstant(day.ToDateTime(new TimeOnly(random.Next(0, 2) == 0 ? 9 : 20, 0)));
            var end = start.AddMinutes(random.Next(0, 3) == 0 ? 12 * 60 : 60);
            var inRoom = random.Next(0, 3) > 0;
            var clients = Enumerable.Range(0, random.Next(0, 4)).Select(c => (Guid.CreateVersion7(), $"K-{i:D2}{c}")).ToList();
            var staff = workers.Where(_ => random.Next(0, 2) == 0).DefaultIfEmpty(workers[i % 3]).ToList();
            var appointment = Appointment.Schedule(
                office, (AppointmentKind)(i % 5), inRoom ? PlaceKind.OfficeRoom : PlaceKind.Address, inRoom ? "" : "Hauptstraße 1",
                inRoom ? rooms[random.Next(0, 2)].Id : null, $"Thema {i}", i % 4 == 0 ? "Pass" : null, start, end, clients, staff,
                i % 5 == 0 ? new InterpreterRequirement("ar", null, InterpretingModality.InPerson, null) : null, null, start.AddDays(-7)).Value;
            if (clients.Count > 1)
            {
                appointment.ForgetClient(clients[0].Item1);
            }

            appointments.Add(appointment);
        }

        // Another office's appointment in the same room id and with the same worker: never shown.
        appointments.Add(Appointment.Schedule(
            other, AppointmentKind.Counselling, PlaceKind.OfficeRoom, "", rooms[0].Id, "Fremd", null, Clock.ToInstant(Monday.ToDateTime(new TimeOnly(9, 0))),
            Clock.ToInstant(Monday.ToDateTime(new TimeOnly(10, 0))), [], [workers[0]], null, null, Clock.ToInstant(Monday.ToDateTime(TimeOnly.MinValue))).Value);
        db.Appointments.AddRange(appointments);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var read = 0;
        foreach (var days in new[] { 1, 7 })
        {
            foreach (var first in new[] { Monday, Monday.AddDays(1), Monday.AddDays(4) })
            {
                var from = Clock.ToInstant(first.ToDateTime(TimeOnly.MinValue));
                var until = Clock.ToInstant(first.AddDays(days).ToDateTime(TimeOnly.MinValue));
                var window = db.Appointments.Where(a => a.Start > from - Appointment.LongestDuration && a.Start < until && a.End > from);
                var cases = new List<(AgendaReader.Scope Scope, Guid Who, IQueryable<Appointment> Query)>
                {
                    (AgendaReader.Scope.Office, Guid.Empty, window),
                };
                cases.AddRange(rooms.Select(r => (AgendaReader.Scope.Room, r.Id, window.Where(a => a.RoomId == r.Id))));
                cases.AddRange(workers.Select(w => (AgendaReader.Scope.Worker, w.Value, window.Where(a => a.Workers.Any(x => x.WorkerId == w)))));
                foreach (var (scope, who, query) in cases)
                {
                    var expected = await AppointmentViews.RowsAsync(db, query, CancellationToken.None);
                    var actual = await AgendaReader.ReadAsync(db, from, until, scope, who, CancellationToken.None);

                    Assert.Equal(Json(expected), Json(actual));
                    read += actual.Count;
                }
            }
        }

        // The data really exercised the read: lines with several clients, an anonymised one, several workers and a room name.
        var all = await AgendaReader.ReadAsync(
            db, Clock.ToInstant(Monday.AddDays(-8).ToDateTime(TimeOnly.MinValue)), Clock.ToInstant(Monday.AddDays(15).ToDateTime(TimeOnly.MinValue)),
            AgendaReader.Scope.Office, Guid.Empty, CancellationToken.None);
        Assert.Equal(60, all.Count);
        Assert.True(read > 0);
        Assert.Contains(all, r => r.Clients.Count > 1 && r.Clients.Any(c => c.ClientId is null));
        Assert.Contains(all, r => r.Workers.Count > 1);
        Assert.Contains(all, r => r.RoomName == "Raum 2");
        Assert.Contains(all, r => r.Clients.Count == 0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reads_nothing_without_an_office(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "agenda");
        var office = OfficeId.New();
        await using (var db = await MigratedAsync(database, office))
        {
            var start = Clock.ToInstant(Monday.ToDateTime(new TimeOnly(9, 0)));
            db.Appointments.Add(Appointment.Schedule(
                office, AppointmentKind.Counselling, PlaceKind.Address, "Hauptstraße 1", null, "Thema", null, start, start.AddHours(1), [],
                [UserId.From(Guid.CreateVersion7())], null, null, start.AddDays(-1)).Value);
            await db.SaveChangesAsync();
        }

        await using var nobody = Context(database).WithCurrentUser(null);
        var rows = await AgendaReader.ReadAsync(
            nobody, Clock.ToInstant(Monday.ToDateTime(TimeOnly.MinValue)), Clock.ToInstant(Monday.AddDays(1).ToDateTime(TimeOnly.MinValue)),
            AgendaReader.Scope.Office, Guid.Empty, CancellationToken.None);

        Assert.Empty(rows);
    }

    [Fact]
    public async Task On_postgres_the_read_keeps_one_generic_plan_and_gives_the_connection_back_as_it_came()
    {
        await using var database = await ThrowawayDatabase.CreateAsync(DatabaseProvider.Postgres, "agenda");
        var office = OfficeId.New();
        await using var db = await MigratedAsync(database, office);
        var room = new Room(office, "Raum 1");
        db.Rooms.Add(room);
        var start = Clock.ToInstant(Monday.ToDateTime(new TimeOnly(9, 0)));
        db.Appointments.Add(Appointment.Schedule(
            office, AppointmentKind.Counselling, PlaceKind.OfficeRoom, "", room.Id, "Thema", null, start, start.AddHours(1), [(Guid.CreateVersion7(), "K-1")],
            [UserId.From(Guid.CreateVersion7())], null, null, start.AddDays(-1)).Value);
        await db.SaveChangesAsync();
        var from = Clock.ToInstant(Monday.ToDateTime(TimeOnly.MinValue));
        var until = from.AddDays(1);

        // One physical connection for the whole test: the reads, the checks and the pool's "as it came" are about it.
        await db.Database.OpenConnectionAsync();
        // Npgsql prepares a statement on its fifth use (ADR 0028); from then on the server keeps its plans.
        for (var i = 0; i < 10; i++)
        {
            Assert.Single(await AgendaReader.ReadAsync(db, from, until, AgendaReader.Scope.Room, room.Id, CancellationToken.None));
        }

        // Planned once as a generic plan and reused (ADR 0037, amendment 2); without the setting PostgreSQL plans each time.
        var plans = await db.Database.SqlQueryRaw<PlanCounts>(
            "SELECT generic_plans AS \"Generic\", custom_plans AS \"Custom\" FROM pg_prepared_statements WHERE statement LIKE '%appointment_workers AS s%'")
            .ToListAsync();
        var agenda = Assert.Single(plans);
        Assert.Equal(0, agenda.Custom);
        Assert.True(agenda.Generic >= 5, $"generic plans: {agenda.Generic}");
        Assert.Equal("auto", await PlanModeAsync(db));

        // A read that fails after the setting took effect (here: the table is locked and the wait times out) leaves nothing
        // behind either: the failed batch is rolled back, the SET with it.
        await using var blocker = new Npgsql.NpgsqlConnection(database.Options.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE appointments.appointments IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await db.Database.ExecuteSqlRawAsync("SET lock_timeout = '200ms'");
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => AgendaReader.ReadAsync(db, from, until, AgendaReader.Scope.Room, room.Id, CancellationToken.None));
        Assert.Equal("auto", await PlanModeAsync(db));
    }

    private sealed record PlanCounts(long Generic, long Custom);

    private static async Task<string> PlanModeAsync(AppointmentsDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static AppointmentsDbContext Context(ThrowawayDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppointmentsDbContext>();
        options.UseCaseWorkStore(database.Options, AppointmentsDbContext.StoreDescriptor);
        return new AppointmentsDbContext(options.Options);
    }

    private static async Task<AppointmentsDbContext> MigratedAsync(ThrowawayDatabase database, OfficeId office)
    {
        var db = Context(database).WithCurrentUser(TestCurrentUser.Streetworker(office));
        await db.Database.MigrateAsync();
        return db;
    }
}
