using System.Net;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Tests.Identity;

/// <summary>Two host instances on one PostgreSQL database accept each other's sign-in cookies and anti-forgery tokens.</summary>
public sealed class SharedSignInAcrossInstancesTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;
    private CaseWorkHostFactory _first = null!;
    private CaseWorkHostFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreatePostgresAsync("twohosts");
        _first = new CaseWorkHostFactory(TestDatabases.Postgres(_database.ConnectionString));
        _ = _first.Server;
        _second = new CaseWorkHostFactory(TestDatabases.Postgres(_database.ConnectionString));
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Cookie_made_by_one_instance_is_accepted_by_the_other()
    {
        using var first = _first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await SignIn.PostLoginAsync(first, DemoUsers.Streetworker, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AuthCookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        using var second = _second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);
        using var response = await second.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Meine Fallarbeit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Antiforgery_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        using var first = _first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await first.GetAsync("/Account/Login");
        var token = SignIn.FormToken(await page.Content.ReadAsStringAsync());
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentitySetup.AntiforgeryCookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        using var second = _second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = DemoUsers.Streetworker,
                ["Input.Password"] = DemoUsers.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var response = await second.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Both_instances_share_one_key_ring_and_one_demo_office()
    {
        using (var first = _first.CreateClient())
        {
            await first.GetAsync("/Account/Login");
        }

        await using var scope = _second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
        Assert.Equal(1, await db.Offices.CountAsync());
        Assert.Equal(BuildingBlocks.Identity.Roles.All.Count, await db.Users.CountAsync());
    }
}
