using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Features.Outcomes;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Tests;

/// <summary>
/// The outcome view reads a year of referrals at once; asking each whether it was ever waitlisted must not visit the
/// history rows (names, notes), only the (referral, status) index. At 50,000 referrals that check was most of the view's
/// time on SQLite.
/// </summary>
public sealed class OutcomeQueryShapeTests
{
    [Fact]
    public async Task On_SQLite_the_outcome_rows_come_from_the_sent_at_index_and_the_waitlist_check_from_a_covering_index()
    {
        using var folder = new TempDataDirectory();
        var options = new DbContextOptionsBuilder<ReferralsDbContext>();
        options.UseCaseWorkStore(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = folder.Path }, ReferralsDbContext.StoreDescriptor);
        await using (var db = new ReferralsDbContext(options.Options).WithCurrentUser(TestCurrentUser.Streetworker(OfficeId.New())))
        {
            await db.Database.MigrateAsync();
            var now = DateTimeOffset.UtcNow;
            var plan = await SqlitePlans.ExplainAsync(db, GetOutcomeReportHandler.Rows(db, now.AddYears(-1), now).ToQueryString());

            Assert.Contains(plan, row => row.Contains("IX_referrals_office_id_sent_at (office_id=? AND sent_at>? AND sent_at<?)", StringComparison.Ordinal));
            Assert.Contains(plan, row => row.Contains("COVERING INDEX IX_referral_status_changes_referral_id_to_status (referral_id=? AND to_status=?)", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, row => row.Contains("SCAN", StringComparison.Ordinal));
        }

        SqliteConnection.ClearAllPools();
    }
}
