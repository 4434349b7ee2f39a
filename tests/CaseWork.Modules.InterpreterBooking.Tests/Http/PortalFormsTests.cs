using System.Net;
using System.Text.RegularExpressions;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>
/// The portal page writes its forms itself, with one antiforgery token per page (ADR 0043): every form carries it, its
/// token works for accepting, declining and reconfirming, and a post without it, with another user's or with an altered
/// one is refused and changes nothing.
/// </summary>
public sealed partial class PortalFormsTests
{
    private const string Portal = "/InterpreterBooking/Portal";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_pages_token_accepts_declines_and_reconfirms_through_the_forms_actions(DatabaseProvider provider)
    {
        await using var booking = await BookingHost.StartAsync(provider);
        var (demo, offers, bookingId) = await ArrangeAsync(booking);
        using var client = await booking.Host.SignedInClientAsync(demo);

        var page = await client.GetStringAsync(Portal);
        var token = SignIn.FormToken(page);
        // Every form of the page (the layout's two included) carries the same token.
        var fields = TokenField().Matches(page);
        Assert.Equal(FormTag().Count(page), fields.Count);
        Assert.All(fields, field => Assert.Equal(token, WebUtility.HtmlDecode(field.Groups[1].Value)));

        using (var accepted = await client.PostAsync(Action(page, $"offerId={offers[0]}", "Accept"), Form(token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using (var declined = await client.PostAsync(Action(page, $"offerId={offers[1]}", "Decline"), Form(token, ("reason", "keine Zeit"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        }

        using (var reconfirmed = await client.PostAsync(Action(page, $"bookingId={bookingId}&confirmed=true", "Reconfirm"), Form(token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, reconfirmed.StatusCode);
        }

        Assert.Equal(OfferState.Accepted, await OfferStateAsync(booking, offers[0]));
        Assert.Equal(OfferState.Declined, await OfferStateAsync(booking, offers[1]));
        Assert.Equal(BookingState.Booked, await booking.WithDbAsync(db => db.Bookings.IgnoreQueryFilters().Where(b => b.Id == bookingId).Select(b => b.State).SingleAsync()));
    }

    [Fact]
    public async Task A_post_without_a_token_with_another_users_or_with_an_altered_one_is_refused_and_the_offer_stays_pending()
    {
        await using var booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);
        var (demo, offers, _) = await ArrangeAsync(booking);
        var stranger = await booking.Host.CreateUserAsync(await booking.Host.DemoOfficeAsync(), Roles.Interpreter, "Other Interpreter");
        await booking.AddProfileAsync(await booking.Host.DemoOfficeAsync(), stranger.Id, "Other Interpreter");
        using var client = await booking.Host.SignedInClientAsync(demo);
        using var other = await booking.Host.SignedInClientAsync(stranger);
        var page = await client.GetStringAsync(Portal);
        var token = SignIn.FormToken(page);
        var othersToken = SignIn.FormToken(await other.GetStringAsync(Portal));
        var accept = Action(page, $"offerId={offers[0]}", "Accept");
        Assert.NotEqual(token, othersToken);

        using var without = await client.PostAsync(accept, Form(null));
        using var othersOne = await client.PostAsync(accept, Form(othersToken));
        using var altered = await client.PostAsync(accept, Form(Alter(token)));
        using var declineWithout = await client.PostAsync(Action(page, $"offerId={offers[0]}", "Decline"), Form(null, ("reason", "keine Zeit")));

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, othersOne.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, declineWithout.StatusCode);
        Assert.Equal(OfferState.Pending, await OfferStateAsync(booking, offers[0]));

        // The same client's own token still works: the refusals were the token's, not the form's.
        using var accepted = await client.PostAsync(accept, Form(token));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(OfferState.Accepted, await OfferStateAsync(booking, offers[0]));
    }

    /// <summary>The demo interpreter's two pending offers (from the demo data) and a booking of theirs waiting for reconfirmation.</summary>
    private static async Task<(TestUser Demo, Guid[] Offers, Guid BookingId)> ArrangeAsync(BookingHost booking)
    {
        var office = await booking.Host.DemoOfficeAsync();
        var demo = await booking.Host.DemoUserAsync(Roles.Interpreter);
        var worker = await booking.Host.DemoUserAsync(Roles.Streetworker);
        var offers = await booking.WithDbAsync(db => db.Offers.IgnoreQueryFilters()
            .Where(o => o.InterpreterId == demo.Id && o.State == OfferState.Pending).Select(o => o.Id).ToArrayAsync());
        Assert.Equal(2, offers.Length);
        var bookingId = await booking.WithDbAsync(async db =>
        {
            var policy = BookingPolicy.Default(office);
            var start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(60).AddHours(9), TimeSpan.Zero);
            var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", Modality.Phone, start, start.AddHours(1), "Telefon", null,
                SubjectArea.Health, null, null, worker.Id, worker.Id, policy, start.AddDays(-30));
            request.Assign(demo.Id, start.AddDays(-30));
            var job = new Booking(request, demo.Id, start.AddDays(-30));
            job.AskReconfirmation(start.AddHours(1), start.AddHours(2), Modality.Phone);
            db.Requests.Add(request);
            db.Bookings.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        return (demo, offers, bookingId);
    }

    /// <summary>The action of the page's form for these route values and handler, as the page wrote it.</summary>
    private static string Action(string page, string values, string handler)
    {
        var action = $"{Portal}?{values}&handler={handler}";
        Assert.Contains($"<form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\">", page, StringComparison.Ordinal);
        return action;
    }

    private static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new([.. token is null ? [] : new[] { new KeyValuePair<string, string>("__RequestVerificationToken", token) },
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>The token with one character in its middle changed (to another one of its alphabet).</summary>
    private static string Alter(string token)
    {
        var middle = token.Length / 2;
        return string.Concat(token.AsSpan(0, middle), token[middle] == 'A' ? "B" : "A", token.AsSpan(middle + 1));
    }

    private static Task<OfferState> OfferStateAsync(BookingHost booking, Guid offerId) =>
        booking.WithDbAsync(db => db.Offers.IgnoreQueryFilters().Where(o => o.Id == offerId).Select(o => o.State).SingleAsync());

    [GeneratedRegex("<form ")]
    private static partial Regex FormTag();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\" />")]
    private static partial Regex TokenField();
}
