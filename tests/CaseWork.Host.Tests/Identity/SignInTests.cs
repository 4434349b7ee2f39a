using System.Net;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Tests.Identity;

/// <summary>Sign-in, refusal of anonymous access, lockout and anti-forgery against the real host on SQLite.</summary>
public sealed class SignInTests : IClassFixture<SqliteHostFixture>
{
    private readonly SqliteHostFixture _host;

    public SignInTests(SqliteHostFixture host) => _host = host;

    private HttpClient NewClient() =>
        _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Demo_streetworker_signs_in_and_sees_the_start_page()
    {
        using var client = NewClient();

        using var login = await SignIn.PostLoginAsync(client, DemoUsers.Streetworker, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(IdentitySetup.AuthCookieName + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var start = await client.GetStringAsync("/");
        Assert.Contains("Guten Tag", start, StringComparison.Ordinal);
        Assert.Contains("Meine Fallarbeit", start, StringComparison.Ordinal);
        Assert.Contains("Streetwork Mitte (Demo)", start, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwaltung", start, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.Interpreter, "Meine Einsätze")]
    [InlineData(DemoUsers.Supervisor, "Auswertungen")]
    [InlineData(DemoUsers.Administrator, "Verwaltung")]
    public async Task Each_role_gets_its_own_start_page(string user, string heading)
    {
        using var client = NewClient();
        await SignIn.AsAsync(client, user);

        var start = await client.GetStringAsync("/");

        Assert.Contains(heading, start, StringComparison.Ordinal);
        Assert.DoesNotContain("Meine Fallarbeit", start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_page_request_is_sent_to_sign_in()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/clients/outbox")]
    [InlineData("/api/appointments/outbox")]
    [InlineData("/api/referrals/outbox")]
    [InlineData("/api/debt-counselling/outbox")]
    [InlineData("/api/interpreter-booking/outbox")]
    public async Task Anonymous_api_request_is_refused_with_401(string path)
    {
        using var client = NewClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_is_forbidden_to_a_role_without_access_and_open_to_the_administrator()
    {
        using var streetworker = NewClient();
        await SignIn.AsAsync(streetworker, DemoUsers.Streetworker);
        using var forbidden = await streetworker.GetAsync("/api/clients/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var administrator = NewClient();
        await SignIn.AsAsync(administrator, DemoUsers.Administrator);
        using var allowed = await administrator.GetAsync("/api/clients/outbox?state=failed");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        using var invalid = await administrator.GetAsync("/api/clients/outbox?state=everything");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"state\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_counted_and_locks_the_account_after_five_attempts()
    {
        var userName = await _host.CreateUserAsync("lockout");
        using var client = NewClient();

        using var first = await SignIn.PostLoginAsync(client, userName, "Wrong-Password-1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _host.AccessFailedCountAsync(userName));

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            using var response = await SignIn.PostLoginAsync(client, userName, "Wrong-Password-1");
        }

        // Locked now: even the right password is refused, with the lockout message.
        using var locked = await SignIn.PostLoginAsync(client, userName, SqliteHostFixture.UserPassword);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("vorübergehend gesperrt", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillAnonymous = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, stillAnonymous.StatusCode);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        using var client = NewClient();

        using var response = await SignIn.PostLoginAsync(client, "nobody@example.invalid", "Whatever-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_form_shows_field_messages()
    {
        using var client = NewClient();

        using var response = await SignIn.PostLoginAsync(client, "", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse ein.", html, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie Ihr Passwort ein.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_post_without_antiforgery_token_is_refused()
    {
        using var client = NewClient();
        await client.GetAsync("/Account/Login");

        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = DemoUsers.Streetworker,
            ["Input.Password"] = DemoUsers.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(IdentitySetup.AuthCookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_requires_a_post_with_token_and_ends_the_session()
    {
        using var client = NewClient();
        await SignIn.AsAsync(client, DemoUsers.Streetworker);

        using var withoutToken = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        using var stillSignedIn = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);

        var token = SignIn.FormToken(await stillSignedIn.Content.ReadAsStringAsync());
        using var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var afterwards = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("/Account/Login");

        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Language_switches_to_English_and_back()
    {
        using var client = NewClient();
        var token = await SignIn.AntiforgeryTokenAsync(client, "/Account/Login");

        using var toEnglish = await client.PostAsync("/Culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-GB",
            ["returnUrl"] = "/Account/Login",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        var english = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("E-mail address", english, StringComparison.Ordinal);

        using var offSite = await client.PostAsync("/Culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "de-DE",
            ["returnUrl"] = "https://evil.example/",
            ["__RequestVerificationToken"] = SignIn.FormToken(english),
        }));
        Assert.Equal("/", offSite.Headers.Location?.OriginalString);
        var german = await client.GetStringAsync("/Account/Login");
        Assert.Contains("E-Mail-Adresse", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_openapi_answer_without_sign_in()
    {
        using var client = NewClient();

        using var live = await client.GetAsync("/health/live");
        await Readiness.WaitUntilReadyAsync(client);
        using var ready = await client.GetAsync("/health/ready");
        using var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"databases\"", readiness, StringComparison.Ordinal);
        Assert.Contains("\"scheduler\"", readiness, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/api/clients/outbox", await openApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>One host on a SQLite folder for the sign-in tests.</summary>
public sealed class SqliteHostFixture : IAsyncLifetime
{
    public const string UserPassword = "Correct-Horse-2026";

    private readonly TempDataDirectory _directory = new();

    public CaseWorkHostFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new CaseWorkHostFactory(TestDatabases.Sqlite(_directory.Path));
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    /// <summary>Creates a fresh streetworker in the demo office, so lockout tests do not lock a shared user.</summary>
    public Task<string> CreateUserAsync(string prefix) => CreateStreetworkerAsync(Factory.Services, prefix);

    /// <summary>Creates a streetworker with <see cref="UserPassword"/> in the first office of the host's identity store.</summary>
    public static async Task<string> CreateStreetworkerAsync(IServiceProvider services, string prefix)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var office = await db.Offices.FirstAsync();
        var userName = $"{prefix}-{Guid.NewGuid():N}@test.invalid";
        var user = new CaseWorkUser { Id = Guid.CreateVersion7(), UserName = userName, Email = userName, DisplayName = "Test User", OfficeId = office.Id };
        var result = await users.CreateAsync(user, UserPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, BuildingBlocks.Identity.Roles.Streetworker);
        return userName;
    }

    public async Task<int> AccessFailedCountAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("user gone");
        return await users.GetAccessFailedCountAsync(user);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _directory.Dispose();
    }
}
