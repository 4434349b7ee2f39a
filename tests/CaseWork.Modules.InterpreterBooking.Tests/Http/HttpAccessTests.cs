using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Tests.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Tests.Http;

/// <summary>The API by role: interpreters see only their own offers and jobs, coordinators only their office, others nothing.</summary>
public sealed class HttpAccessTests : IAsyncLifetime
{
    private const string Api = "/api/interpreter-booking";
    private BookingHost _booking = null!;
    private TestUser _demoInterpreter = null!;
    private TestUser _otherInterpreter = null!;
    private TestUser _streetworker = null!;
    private InterpreterRequest _otherRequest = null!;

    private CaseWorkHostFactory Host => _booking.Host;

    public async Task InitializeAsync()
    {
        _booking = await BookingHost.StartAsync(DatabaseProvider.Sqlite);
        var office = await Host.DemoOfficeAsync();
        _demoInterpreter = await Host.DemoUserAsync(Roles.Interpreter);
        _streetworker = await Host.DemoUserAsync(Roles.Streetworker);
        _otherInterpreter = await Host.CreateUserAsync(office, Roles.Interpreter, "Other Interpreter");
        var other = await _booking.AddProfileAsync(office, _otherInterpreter.Id, "Other Interpreter");
        _otherRequest = await _booking.AddOfferedRequestAsync(office, [other], DateTimeOffset.UtcNow.Date.AddDays(12).AddHours(8));
    }

    public async Task DisposeAsync() => await _booking.DisposeAsync();

    [Fact]
    public async Task An_interpreter_sees_only_the_offers_made_to_them()
    {
        using var demo = await Host.SignedInClientAsync(_demoInterpreter);
        using var other = await Host.SignedInClientAsync(_otherInterpreter);

        var demoOffers = await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers");
        var otherOffers = await other.GetFromJsonAsync<JsonElement>($"{Api}/offers");

        Assert.Equal(2, demoOffers.GetArrayLength());
        Assert.DoesNotContain(demoOffers.EnumerateArray(), o => o.GetProperty("requestId").GetGuid() == _otherRequest.Id);
        Assert.Equal([_otherRequest.Id], otherOffers.EnumerateArray().Select(o => o.GetProperty("requestId").GetGuid()));
        // No client, place or contact in an offer.
        Assert.DoesNotContain("place", demoOffers.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_interpreter_cannot_accept_or_decline_another_interpreters_offer()
    {
        using var demo = await Host.SignedInClientAsync(_demoInterpreter);
        var offerId = _otherRequest.Offers.Single().Id;

        var accept = await demo.PostAsync($"{Api}/offers/{offerId}/accept", null);
        var decline = await demo.PostAsJsonAsync($"{Api}/offers/{offerId}/decline", new { reason = "no" });

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, decline.StatusCode);
        var stored = await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.Id == _otherRequest.Id));
        Assert.Equal(RequestState.Offered, stored.State);
        Assert.Equal(OfferState.Pending, stored.Offers.Single().State);
    }

    [Fact]
    public async Task Accepting_puts_the_job_in_my_upcoming_jobs_and_nobody_elses()
    {
        using var demo = await Host.SignedInClientAsync(_demoInterpreter);
        using var other = await Host.SignedInClientAsync(_otherInterpreter);
        var offer = (await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers"))[0];

        var accepted = await demo.PostAsync($"{Api}/offers/{offer.GetProperty("offerId").GetGuid()}/accept", null);
        var again = await demo.PostAsync($"{Api}/offers/{offer.GetProperty("offerId").GetGuid()}/accept", null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var jobs = await demo.GetFromJsonAsync<JsonElement>($"{Api}/jobs");
        Assert.Equal(offer.GetProperty("requestId").GetGuid(), jobs.EnumerateArray().Single().GetProperty("requestId").GetGuid());
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"{Api}/jobs")).GetArrayLength());
        Assert.Equal(1, (await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers")).GetArrayLength());
    }

    [Theory]
    [InlineData("GET", "/requests")]
    [InlineData("GET", "/pool")]
    [InlineData("GET", "/figures/2026/11")]
    [InlineData("POST", "/requests")]
    public async Task Interpreters_and_administrators_cannot_use_coordinator_endpoints(string method, string path)
    {
        using var interpreter = await Host.SignedInClientAsync(_demoInterpreter);
        using var admin = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Administrator));

        foreach (var client in new[] { interpreter, admin })
        {
            using var message = new HttpRequestMessage(new HttpMethod(method), Api + path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(message)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/offers")]
    [InlineData("/jobs")]
    [InlineData("/requests")]
    [InlineData("/pool")]
    public async Task Anonymous_callers_get_401(string path)
    {
        using var anonymous = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api + path)).StatusCode);
    }

    [Fact]
    public async Task Coordinators_cannot_use_interpreter_endpoints()
    {
        using var worker = await Host.SignedInClientAsync(_streetworker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"{Api}/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"{Api}/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_streetworker_of_another_office_gets_404_for_this_offices_request()
    {
        var elsewhere = await Host.CreateOfficeAsync("Elsewhere");
        using var stranger = await Host.SignedInClientAsync(await Host.CreateUserAsync(elsewhere, Roles.Streetworker));

        var read = await stranger.GetAsync($"{Api}/requests/{_otherRequest.Id}");
        var assign = await stranger.PostAsJsonAsync($"{Api}/requests/{_otherRequest.Id}/assign", new { interpreterId = _otherInterpreter.Id.Value });
        var list = await stranger.GetFromJsonAsync<JsonElement>($"{Api}/requests");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(0, list.GetArrayLength());
        var stored = await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().SingleAsync(r => r.Id == _otherRequest.Id));
        Assert.Equal(RequestState.Offered, stored.State);
    }

    [Fact]
    public async Task A_supervisor_sees_the_request_with_its_ranking_explained_and_the_pools_contact_details()
    {
        using var supervisor = await Host.SignedInClientAsync(await Host.DemoUserAsync(Roles.Supervisor));

        var details = await supervisor.GetFromJsonAsync<JsonElement>($"{Api}/requests/{_otherRequest.Id}");
        var pool = await supervisor.GetFromJsonAsync<JsonElement>($"{Api}/pool");

        var ranking = details.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Contains(ranking, r => r.GetProperty("displayName").GetString() == "Other Interpreter");
        Assert.All(ranking, r => Assert.True(r.TryGetProperty("lastAssignedAt", out _) && r.TryGetProperty("qualification", out _)));
        Assert.Contains(pool.EnumerateArray(), p => p.GetProperty("phone").GetString() == "+49 30 555 0101");
    }

    [Fact]
    public async Task A_coordinator_assigns_directly_and_the_interpreter_sees_the_job()
    {
        using var worker = await Host.SignedInClientAsync(_streetworker);
        using var other = await Host.SignedInClientAsync(_otherInterpreter);

        var assigned = await worker.PostAsJsonAsync($"{Api}/requests/{_otherRequest.Id}/assign", new { interpreterId = _otherInterpreter.Id.Value });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Single((await other.GetFromJsonAsync<JsonElement>($"{Api}/jobs")).EnumerateArray());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>($"{Api}/offers")).EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        using var worker = await Host.SignedInClientAsync(_streetworker);
        using var demo = await Host.SignedInClientAsync(_demoInterpreter);
        var before = await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().CountAsync());
        var offer = (await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers"))[0].GetProperty("offerId").GetGuid();

        var badRequest = await worker.PostAsJsonAsync($"{Api}/requests", new
        {
            language = "xx", dialect = "Klingon", modality = 0, start = DateTimeOffset.UtcNow.AddDays(-1), durationMinutes = 5, place = "", subjectArea = 0,
        });
        var badDecline = await demo.PostAsJsonAsync($"{Api}/offers/{offer}/decline", new { reason = "" });

        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        var problem = await badRequest.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "language", "start", "durationMinutes", "place" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.BadRequest, badDecline.StatusCode);
        Assert.True((await badDecline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await _booking.WithDbAsync(db => db.Requests.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(2, (await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers")).GetArrayLength());
    }

    [Fact]
    public async Task A_worker_creates_a_request_and_the_matching_pool_members_get_offers()
    {
        using var worker = await Host.SignedInClientAsync(_streetworker);
        using var demo = await Host.SignedInClientAsync(_demoInterpreter);

        var created = await worker.PostAsJsonAsync($"{Api}/requests", new
        {
            language = "prs", modality = 1, start = DateTimeOffset.UtcNow.Date.AddDays(15).AddHours(9), durationMinutes = 60,
            place = "Telefon", subjectArea = 1,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("offersMade").GetInt32());
        Assert.Equal(3, (await demo.GetFromJsonAsync<JsonElement>($"{Api}/offers")).GetArrayLength());
    }
}
