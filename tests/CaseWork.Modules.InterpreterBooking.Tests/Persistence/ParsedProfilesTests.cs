using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// Matching keeps parsed profiles between requests (ADR 0050); what it decides must still follow the database at once:
/// a profile saved on another host, and the last assignment, which is written without raising the profile's version.
/// </summary>
public sealed class ParsedProfilesTests
{
    private static readonly DateTimeOffset NextWeek = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(9).AddHours(9);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_absence_saved_on_another_host_is_matched_at_once(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var other = await booking.StartAnotherHostAsync();
        var office = await booking.Host.CreateOfficeAsync("Profile office");
        var interpreter = (await booking.AddInterpretersAsync(office, 1)).Single();
        var request = await AddRequestAsync(booking, office);
        var before = await MatchAsync(booking.Host, request.Id);
        Assert.Equal([interpreter.Id], before.Ranked.Select(r => r.InterpreterId));
        Assert.True(booking.Host.Services.GetRequiredService<ParsedProfiles>().TryGet(interpreter.Id, interpreter.Version, out _));

        // The interpreter enters an absence over the job's day; the request is served by the other host.
        await using (var scope = other.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
            var profile = await db.Interpreters.SingleAsync(p => p.Id == interpreter.Id);
            var day = DateOnly.FromDateTime(NextWeek.UtcDateTime);
            profile.Absences = [new Absence(day.AddDays(-1), day.AddDays(1), null)];
            await db.SaveChangesAsync();
        }

        var after = await MatchAsync(booking.Host, request.Id);
        Assert.Empty(after.Ranked);
        Assert.Contains(MismatchReason.NotAvailable, Assert.Single(after.Rejected).Reasons);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_ranking_follows_a_job_taken_after_the_profiles_were_kept(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var office = await booking.Host.CreateOfficeAsync("Fair office");
        var pool = await booking.AddInterpretersAsync(office, 2);
        var request = await AddRequestAsync(booking, office);
        var before = await MatchAsync(booking.Host, request.Id);
        Assert.Equal([pool[0].Id, pool[1].Id], before.Ranked.Select(r => r.InterpreterId));

        // The first in line takes another job (a week later): the booking writes the last assignment, not the profile's version.
        var earlier = await booking.AddOfferedRequestAsync(office, [pool[0]], NextWeek.AddDays(7));
        await using (var scope = booking.Host.Services.CreateAsyncScope())
        {
            var accepted = await scope.ServiceProvider.GetRequiredService<ICommandHandler<AcceptOffer, AcceptedOffer>>()
                .Handle(new AcceptOffer(null, earlier.Offers.Single().LinkToken), CancellationToken.None);
            Assert.True(accepted.IsSuccess);
        }

        var after = await MatchAsync(booking.Host, request.Id);
        Assert.Equal([pool[1].Id, pool[0].Id], after.Ranked.Select(r => r.InterpreterId));
        Assert.NotNull(after.Ranked[1].LastAssignedAt);
    }

    [Fact]
    public void A_kept_profile_serves_only_its_own_version_and_an_older_read_never_replaces_a_newer_one()
    {
        var parsed = new ParsedProfiles();
        var id = UserId.New();
        var older = Versioned(id, 3);
        var newer = Versioned(id, 4);

        parsed.Keep(newer);
        parsed.Keep(older);

        Assert.True(parsed.TryGet(id, 4, out var kept));
        Assert.Same(newer, kept);
        Assert.False(parsed.TryGet(id, 3, out _));
        Assert.False(parsed.TryGet(id, 5, out _));
        Assert.False(parsed.TryGet(UserId.New(), 4, out _));
    }

    private static InterpreterProfile Versioned(UserId id, int version)
    {
        var profile = new InterpreterProfile(id, "Interpreter");
        typeof(InterpreterProfile).GetProperty(nameof(InterpreterProfile.Version))!.SetValue(profile, version);
        return profile;
    }

    /// <summary>A phone job (no travel area) in Arabic next week, not yet offered to anyone.</summary>
    private static Task<InterpreterRequest> AddRequestAsync(BookingHost booking, OfficeId office) =>
        booking.WithDbAsync(async db =>
        {
            var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", Modality.Phone, NextWeek, NextWeek.AddHours(1), null, null,
                SubjectArea.Health, null, null, null, null, new BookingPolicy(office), DateTimeOffset.UtcNow);
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request;
        });

    private static async Task<MatchReport> MatchAsync(CaseWorkHostFactory host, Guid requestId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
        var request = await db.Requests.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == requestId);
        var policy = await db.PolicyForAsync(request.OfficeId, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<OfferRound>().MatchAsync(request, policy, CancellationToken.None);
    }
}
