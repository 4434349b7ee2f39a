using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

/// <summary>
/// The two pool reads the portal page runs on every visit, in hand-written SQL (ADR 0053): the interpreter's current
/// memberships with their upcoming jobs per office in one statement, and whether any pool invitation is open at all.
/// <c>PortalPoolReaderTests</c> hold them to the EF queries they stand for (<see cref="UpcomingJobs"/> among them) on both
/// providers, and <c>QueryPlanTests</c> hold SQLite to the interpreter's own bookings.
/// </summary>
internal static class PortalPoolReader
{
    /// <summary>One current membership and the interpreter's upcoming jobs with that office.</summary>
    internal sealed record Membership(OfficeId OfficeId, DateTimeOffset Since, int Version, int UpcomingJobs);

    /// <summary>The interpreter's memberships that have not ended, each with its upcoming jobs, in no particular order.</summary>
    public static Task<List<Membership>> MembershipsAsync(InterpreterBookingDbContext db, UserId me, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.OnPostgres;
        return HandWrittenRead.ReadRowsAsync(
            db,
            postgres ? PostgresMemberships : SqliteMemberships,
            command =>
            {
                StoreSql.AddParameter(command, "me", StoreSql.Id(postgres, me.Value));
                StoreSql.AddParameter(command, "now", StoreSql.Instant(postgres, now));
            },
            reader => new Membership(OfficeId.From(reader.GetGuid(0)), StoreSql.ReadInstant(reader, 1), reader.GetInt32(2), reader.GetInt32(3)),
            cancellationToken);
    }

    /// <summary>Whether any office has an invitation that is pending and not expired (the portal's cheap first look, ADR 0038).</summary>
    public static Task<bool> AnyOpenInvitationAsync(InterpreterBookingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.OnPostgres;
        return StoreSql.WithCommandAsync(
            db,
            async command =>
            {
                command.CommandText = postgres ? PostgresAnyOpen : SqliteAnyOpen;
                StoreSql.AddParameter(command, "now", StoreSql.Instant(postgres, now));
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0;
            },
            cancellationToken);
    }

    /// <summary>
    /// The memberships statement; parameters <c>@me</c> and <c>@now</c>. The upcoming jobs are counted from the
    /// interpreter's own bookings and grouped by office, then joined: given the office as well, SQLite would read the
    /// office's bookings instead (see <see cref="UpcomingJobs"/>).
    /// </summary>
    internal static string MembershipsSql(bool postgres)
    {
        var schema = postgres ? InterpreterBookingDbContext.StoreDescriptor.Schema + "." : "";
        return
            "SELECT m.office_id, m.since, m.version, CAST(COALESCE(u.upcoming, 0) AS INTEGER)\n" +
            $"FROM {schema}pool_memberships AS m\n" +
            "LEFT JOIN (SELECT b.office_id, COUNT(*) AS upcoming\n" +
            $"           FROM {schema}bookings AS b\n" +
            $"           WHERE b.interpreter_id = @me AND b.state IN ({(int)BookingState.Booked}, {(int)BookingState.AwaitingReconfirmation}) AND b.end_at > @now\n" +
            "           GROUP BY b.office_id) AS u ON u.office_id = m.office_id\n" +
            "WHERE m.interpreter_id = @me AND m.left_at IS NULL";
    }

    /// <summary>The open-invitation statement; parameter <c>@now</c>.</summary>
    internal static string AnyOpenInvitationSql(bool postgres)
    {
        var schema = postgres ? InterpreterBookingDbContext.StoreDescriptor.Schema + "." : "";
        return $"SELECT CASE WHEN EXISTS (SELECT 1 FROM {schema}pool_invitations AS i WHERE i.state = {(int)InvitationState.Pending} AND i.expires_at > @now) THEN 1 ELSE 0 END";
    }

    private static readonly string PostgresMemberships = MembershipsSql(postgres: true);

    private static readonly string SqliteMemberships = MembershipsSql(postgres: false);

    private static readonly string PostgresAnyOpen = AnyOpenInvitationSql(postgres: true);

    private static readonly string SqliteAnyOpen = AnyOpenInvitationSql(postgres: false);
}
