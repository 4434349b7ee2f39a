using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// Moving the fee rates from the shared profile to each office's membership (ADR 0038) keeps what offices had agreed: every
/// membership gets the rates its profile had, and going back restores them on the profile.
/// </summary>
public sealed class OfficeTermsMigrationTests
{
    private const string Before = "20261205120200_InterpreterNotifications";
    private const string Fees = """{"hourly":45,"travelTimeHourly":22.5,"perKilometre":0.3,"currency":"EUR"}""";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_membership_keeps_the_rates_its_profile_had_and_going_back_restores_them(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "terms");
        var options = new DbContextOptionsBuilder<InterpreterBookingDbContext>();
        options.UseCaseWorkStore(database.Options, InterpreterBookingDbContext.StoreDescriptor);
        await using var db = ActivatorUtilities.CreateInstance<InterpreterBookingDbContext>(new ServiceCollection().BuildServiceProvider(), options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);

        var prefix = provider == DatabaseProvider.Postgres ? "interpreter_booking." : "";
        var nour = Guid.NewGuid();
        var without = Guid.NewGuid();
        var officeA = Guid.NewGuid();
        var officeB = Guid.NewGuid();
        foreach (var (id, fees) in new[] { (nour, Fees), (without, Fees.Replace("45", "50", StringComparison.Ordinal)) })
        {
            // Only literals of this test go into the statements; braces are doubled for the raw-SQL formatter.
            var json = fees.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
            var insert = $"""
                INSERT INTO {prefix}interpreter_profiles (id, display_name, languages, modalities, districts, daily_maximum, fee_rates,
                    weekly_availability, absences, booking_guard, calendar_token, version, language_codes)
                VALUES ('{Text(id)}', 'Nour', '[]', 1, '[]', 4, '{json}', '[]', '[]', 0, '{id:N}', 0, '')
                """;
            await db.Database.ExecuteSqlRawAsync(insert);
        }

        foreach (var office in new[] { officeA, officeB })
        {
            var insert = $"INSERT INTO {prefix}pool_memberships (office_id, interpreter_id, since) VALUES ('{Text(office)}', '{Text(nour)}', '2026-11-01 08:00:00+00:00')";
            await db.Database.ExecuteSqlRawAsync(insert);
        }

        await db.Database.MigrateAsync();

        var memberships = await db.PoolMemberships.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.Equal(2, memberships.Count);
        Assert.All(memberships, m => Assert.Equal(new FeeRates(45m, 22.5m, 0.3m, "EUR"), m.Fees));
        Assert.All(memberships, m => Assert.Equal(0, m.Version));
        Assert.Equal(2, await db.Interpreters.IgnoreQueryFilters().CountAsync());

        await migrator.MigrateAsync(Before);
        var restored = await db.Database.SqlQueryRaw<string>(FeesOf(nour)).SingleAsync();
        Assert.Contains("\"hourly\":45", restored, StringComparison.Ordinal);
        // A profile in no office's pool had rates no office paid: they are not kept (ADR 0038), and it goes back with none.
        var untouched = await db.Database.SqlQueryRaw<string>(FeesOf(without)).SingleAsync();
        Assert.Contains("\"hourly\":0", untouched, StringComparison.Ordinal);

        // EF stores a Guid as upper-case text on SQLite; PostgreSQL reads any case as a uuid.
        static string Text(Guid id) => id.ToString().ToUpperInvariant();
        string FeesOf(Guid id) => $"SELECT fee_rates AS \"Value\" FROM {prefix}interpreter_profiles WHERE id = '{Text(id)}'";
    }
}
