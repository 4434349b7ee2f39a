using System.Net;
using System.Text.RegularExpressions;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Host.Tests.Identity;

/// <summary>Two-factor sign-in with an authenticator app: turning it on, signing in with a code or a recovery code, refusals.</summary>
public sealed partial class TwoFactorSignInTests(SqliteHostFixture host) : IClassFixture<SqliteHostFixture>
{
    private HttpClient NewClient() =>
        host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_user_turns_on_two_factor_sign_in_and_then_needs_a_code_to_sign_in()
    {
        var userName = await host.CreateUserAsync("totp");
        var (key, recoveryCodes) = await EnableTwoFactorAsync(userName);

        using var client = NewClient();
        using var password = await SignIn.PostLoginAsync(client, userName, SqliteHostFixture.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var notYet = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);

        using var wrong = await PostCodeAsync(client, "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Der Code stimmt nicht.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await PostCodeAsync(client, Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(10, recoveryCodes.Count);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var userName = await host.CreateUserAsync("recovery");
        var (_, recoveryCodes) = await EnableTwoFactorAsync(userName);

        using (var first = NewClient())
        {
            await SignIn.PostLoginAsync(first, userName, SqliteHostFixture.UserPassword);
            using var signedIn = await PostCodeAsync(first, recoveryCodes[0]);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var second = NewClient();
        await SignIn.PostLoginAsync(second, userName, SqliteHostFixture.UserPassword);
        using var reused = await PostCodeAsync(second, recoveryCodes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Der Code stimmt nicht.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var userName = await host.CreateUserAsync("wrongsetup");
        using var client = NewClient();
        await SignIn.AsAsync(client, userName, SqliteHostFixture.UserPassword);
        var setup = await client.GetStringAsync("/Account/TwoFactor");

        using var response = await client.PostAsync("/Account/TwoFactor?handler=Enable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = "12345",
            ["__RequestVerificationToken"] = SignIn.FormToken(setup),
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Der Code stimmt nicht.", html, StringComparison.Ordinal);
        Assert.Contains("Einschalten", html, StringComparison.Ordinal);

        // Still one factor: the password alone signs in.
        using var again = NewClient();
        using var login = await SignIn.PostLoginAsync(again, userName, SqliteHostFixture.UserPassword);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_second_step_cannot_be_reached_without_the_password_step()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("/Account/LoginWith2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("LoginWith2fa", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(string userName)
    {
        using var client = NewClient();
        await SignIn.AsAsync(client, userName, SqliteHostFixture.UserPassword);
        var setup = await client.GetStringAsync("/Account/TwoFactor");
        var key = KeyField().Match(setup).Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key));

        using var enabled = await client.PostAsync("/Account/TwoFactor?handler=Enable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
            ["__RequestVerificationToken"] = SignIn.FormToken(setup),
        }));
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Die Zwei-Faktor-Anmeldung ist eingeschaltet.", html, StringComparison.Ordinal);
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync("/Account/LoginWith2fa");
        return await client.PostAsync("/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["__RequestVerificationToken"] = SignIn.FormToken(page),
        }));
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyField();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
