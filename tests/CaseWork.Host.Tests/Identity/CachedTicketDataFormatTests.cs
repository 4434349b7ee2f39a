using System.Net;
using System.Security.Claims;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace CaseWork.Host.Tests.Identity;

/// <summary>
/// The sign-in cookie's decryption is remembered briefly (ADR 0042): a repeated cookie is not decrypted again, every
/// caller gets its own copy, an entry ends after its lifetime, and a cookie that does not decrypt is never remembered.
/// </summary>
public sealed class CachedTicketDataFormatTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_repeated_cookie_is_decrypted_once_while_it_is_remembered_and_again_after_its_lifetime()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketDataFormat(inner, _clock);
        var cookie = inner.Protect(Ticket("lilli"));

        Assert.Equal("lilli", format.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal("lilli", format.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal(1, inner.Unprotected);

        _clock.Advance(CachedTicketDataFormat.Lifetime);
        Assert.Equal("lilli", format.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal(2, inner.Unprotected);
    }

    [Fact]
    public void Each_caller_gets_its_own_copy_so_a_change_to_one_principal_does_not_reach_the_next_request()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketDataFormat(inner, _clock);
        var cookie = inner.Protect(Ticket("lilli"));

        var first = format.Unprotect(cookie)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Administrator"));
        first.Properties.Items["changed"] = "yes";
        var second = format.Unprotect(cookie)!;
        ((ClaimsIdentity)second.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Supervisor"));
        var third = format.Unprotect(cookie)!;

        Assert.Equal(1, inner.Unprotected);
        Assert.False(third.Principal.IsInRole("Administrator"));
        Assert.False(third.Principal.IsInRole("Supervisor"));
        Assert.False(third.Properties.Items.ContainsKey("changed"));
        Assert.True(third.Principal.IsInRole("Streetworker"));
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_refused_every_time_and_never_remembered()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketDataFormat(inner, _clock);

        Assert.Null(format.Unprotect("not-a-cookie"));
        Assert.Null(format.Unprotect("not-a-cookie"));
        Assert.Null(format.Unprotect(null));
        Assert.Null(format.Unprotect(""));

        Assert.Equal(4, inner.Unprotected);
        Assert.Equal(0, format.Count);
    }

    [Fact]
    public void The_purpose_is_part_of_what_is_remembered()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketDataFormat(inner, _clock);
        var cookie = inner.Protect(Ticket("lilli"));

        Assert.NotNull(format.Unprotect(cookie, null));
        Assert.Null(format.Unprotect(cookie, "another-binding"));
        Assert.NotNull(format.Unprotect(cookie, null));
        Assert.Equal(2, inner.Unprotected);
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketDataFormat(inner, _clock);
        for (var i = 0; i <= CachedTicketDataFormat.MaxEntries; i++)
        {
            Assert.NotNull(format.Unprotect(inner.Protect(Ticket("user" + i))));
        }

        Assert.True(format.Count <= CachedTicketDataFormat.MaxEntries);
    }

    [Fact]
    public async Task The_host_remembers_its_sign_in_cookies_and_a_signed_in_user_is_still_recognised()
    {
        using var directory = new TempDataDirectory();
        await using var host = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        var format = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var cached = Assert.IsType<CachedTicketDataFormat>(format);
        Assert.IsNotType<CachedTicketDataFormat>(cached.Inner);

        var user = await SqliteHostFixture.CreateStreetworkerAsync(host.Services, "cached");
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignIn.AsAsync(client, user, SqliteHostFixture.UserPassword);
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/clients/my");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(cached.Count >= 1);
        using var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync("/api/clients/my");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static AuthenticationTicket Ticket(string name) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, "Streetworker")], "Identity.Application")),
        new AuthenticationProperties { IssuedUtc = DateTimeOffset.UnixEpoch },
        IdentityConstants.ApplicationScheme);

    /// <summary>A stand-in for the data-protected format: cookies are keys into a table, and every decryption is counted.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly Dictionary<string, AuthenticationTicket> _issued = [];

        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose)
        {
            var cookie = "cookie-" + _issued.Count;
            _issued[cookie] = data;
            return cookie;
        }

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return purpose is null && protectedText is not null && _issued.TryGetValue(protectedText, out var ticket) ? ticket.Clone() : null;
        }
    }
}
