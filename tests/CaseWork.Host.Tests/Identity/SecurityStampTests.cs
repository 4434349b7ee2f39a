using System.Net;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Host.Tests.Identity;

/// <summary>
/// A changed security stamp (new password, account locked by an administrator) ends the user's other sessions once the
/// validation interval has passed — the check is skipped, not lost, while it is not due (ADR 0027).
/// </summary>
public sealed class SecurityStampTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private CaseWorkHostFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new CaseWorkHostFactory(TestDatabases.Sqlite(_directory.Path))
        {
            ConfigureTestServices = services => services.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = _clock),
        };
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_session_ends_at_the_next_check_after_the_stamp_changed_and_lasts_while_it_did_not()
    {
        var changed = await SqliteHostFixture.CreateStreetworkerAsync(_host.Services, "changed");
        var unchanged = await SqliteHostFixture.CreateStreetworkerAsync(_host.Services, "unchanged");
        using var changedClient = await SignedInAsync(changed);
        using var unchangedClient = await SignedInAsync(unchanged);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(changedClient));

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByNameAsync(changed))!)).Succeeded);
        }

        // Not due yet: the session goes on (Identity's documented window).
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(changedClient));

        _clock.Advance(new SecurityStampValidatorOptions().ValidationInterval + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(changedClient));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(unchangedClient));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/clients/my");
        return response.StatusCode;
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignIn.AsAsync(client, userName, SqliteHostFixture.UserPassword);
        return client;
    }
}
