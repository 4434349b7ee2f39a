using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Tests.Admin;

/// <summary>
/// An office's administrators manage its users (ADR 0034): create with a one-time password, change roles, lock and
/// unlock, reset a password — audited, scoped to the office, refused for stale forms and for the administrator's own
/// account where it would leave the office without an administrator.
/// </summary>
public sealed partial class UserAdministrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_administrator_creates_a_user_who_signs_in_with_the_one_time_password_shown_once(DatabaseProvider provider)
    {
        await using var host = await UserAdminHost.StartAsync(provider);
        using var admin = await host.AdminAsync();
        var token = await SignIn.AntiforgeryTokenAsync(admin, "/Admin/Users/New");

        using var created = await admin.PostAsync("/Admin/Users/New", Form(token,
            ("Input.DisplayName", "Leyla Aydın"), ("Input.Email", "leyla.aydin@beratung.invalid"), ("Input.Roles", Roles.Streetworker), ("Input.Roles", Roles.Supervisor)));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("Das Konto für Leyla Aydın ist angelegt.", html, StringComparison.Ordinal);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var password = InitialPasswordField().Match(html).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}-Aa1$", password);

        var list = await admin.GetStringAsync("/Admin/Users");
        Assert.Contains("Leyla Aydın", list, StringComparison.Ordinal);
        Assert.Contains("leyla.aydin@beratung.invalid", list, StringComparison.Ordinal);
        Assert.Contains("Streetwork / Beratung, Teamleitung", list, StringComparison.Ordinal);
        Assert.DoesNotContain(password, list, StringComparison.Ordinal);

        // The new user signs in with it; the sign-in is recorded and shown to the administrator.
        using var newcomer = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(newcomer, "leyla.aydin@beratung.invalid", password);
        var id = await host.UserIdAsync("leyla.aydin@beratung.invalid");
        var details = await admin.GetStringAsync($"/Admin/Users/{id}");
        Assert.DoesNotContain("<dt>Letzte Anmeldung</dt><dd>–</dd>", details, StringComparison.Ordinal);
        Assert.Matches(@"<dt>Letzte Anmeldung</dt><dd>\d\d\.\d\d\.\d{4} \d\d:\d\d</dd>", details);

        var entries = await host.AuditAsync(id);
        var create = Assert.Single(entries);
        Assert.Equal(("Identity", "Create", "User", "roles: Streetworker, Supervisor"), (create.Module, create.Action, create.RecordType, create.Details));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Bad_input_and_a_taken_email_are_form_errors_and_create_nothing(DatabaseProvider provider)
    {
        await using var host = await UserAdminHost.StartAsync(provider);
        using var admin = await host.AdminAsync();
        var token = await SignIn.AntiforgeryTokenAsync(admin, "/Admin/Users/New");
        var before = await host.UserCountAsync();

        using (var bad = await admin.PostAsync("/Admin/Users/New", Form(token,
            ("Input.DisplayName", " "), ("Input.Email", "kein-mail"), ("Input.Password", "kurz"))))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("error-summary", html, StringComparison.Ordinal);
            Assert.Contains("id=\"user-name-error\" class=\"field-error\">Bitte den Namen angeben.", html, StringComparison.Ordinal);
            Assert.Contains("id=\"user-email-error\" class=\"field-error\">Bitte eine gültige E-Mail-Adresse angeben.", html, StringComparison.Ordinal);
            Assert.Contains("Bitte mindestens eine Rolle wählen.", html, StringComparison.Ordinal);
            Assert.Contains("Das Passwort muss mindestens 12 Zeichen lang sein.", html, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"user-email-error\"", html, StringComparison.Ordinal);
        }

        // The demo supervisor's address, in other letter case: taken.
        using (var duplicate = await admin.PostAsync("/Admin/Users/New", Form(token,
            ("Input.DisplayName", "Noch jemand"), ("Input.Email", DemoUsers.Supervisor.ToUpperInvariant()), ("Input.Roles", Roles.Streetworker))))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            var html = await duplicate.Content.ReadAsStringAsync();
            Assert.Contains("Für diese E-Mail-Adresse gibt es schon ein Konto.", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Noch jemand\"", html, StringComparison.Ordinal);
        }

        // A password the administrator sets must follow the rules; a good one is not shown back.
        using (var good = await admin.PostAsync("/Admin/Users/New", Form(token,
            ("Input.DisplayName", "Jonas Weber"), ("Input.Email", "jonas@beratung.invalid"), ("Input.Roles", Roles.Interpreter), ("Input.Password", "Sommer-Abend-2026"))))
        {
            var html = await good.Content.ReadAsStringAsync();
            Assert.Contains("Die Person meldet sich mit dem Passwort an, das Sie festgelegt haben.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Sommer-Abend-2026", html, StringComparison.Ordinal);
        }

        Assert.Equal(before + 1, await host.UserCountAsync());
        using var jonas = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(jonas, "jonas@beratung.invalid", "Sommer-Abend-2026");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Roles_change_with_the_current_stamp_and_a_stale_form_is_refused_without_losing_the_other_change(DatabaseProvider provider)
    {
        await using var host = await UserAdminHost.StartAsync(provider);
        var worker = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Streetworker, "Aylin Kaya");
        using var admin = await host.AdminAsync();
        var page = $"/Admin/Users/{worker.Id.Value}";
        var html = await admin.GetStringAsync(page);
        var stamp = Stamp(html);
        var token = SignIn.FormToken(html);

        using (var first = await admin.PostAsync(page + "?handler=Roles", Form(token, ("ConcurrencyStamp", stamp), ("Roles", Roles.Streetworker), ("Roles", Roles.Supervisor))))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(page + "?saved=roles", first.Headers.Location!.OriginalString);
        }

        // A second administrator's form from before the first change: refused, the first change stays.
        using (var stale = await admin.PostAsync(page + "?handler=Roles", Form(token, ("ConcurrencyStamp", stamp), ("Roles", Roles.Interpreter))))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("Jemand hat diese Person inzwischen geändert.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var none = await admin.PostAsync(page + "?handler=Roles", Form(token, ("ConcurrencyStamp", Stamp(await admin.GetStringAsync(page))))))
        {
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            Assert.Contains("Bitte mindestens eine Rolle wählen.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([Roles.Streetworker, Roles.Supervisor], await host.RolesAsync(worker.Id.Value));
        var entries = await host.AuditAsync(worker.Id.Value);
        Assert.Equal(["Update roles: +Supervisor"], entries.Select(e => $"{e.Action} {e.Details}"));
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_loses_the_session_at_the_next_check_and_signs_in_again_after_unlock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await UserAdminHost.StartAsync(DatabaseProvider.Sqlite, clock);
        var worker = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Streetworker);
        using var session = await host.Factory.SignedInClientAsync(worker);
        using var admin = await host.AdminAsync();
        var page = $"/Admin/Users/{worker.Id.Value}";
        var html = await admin.GetStringAsync(page);

        using (var locked = await admin.PostAsync(page + "?handler=Lock", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html)))))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }

        Assert.Contains("<strong class=\"warning\">gesperrt</strong>", await admin.GetStringAsync("/Admin/Users"), StringComparison.Ordinal);

        using var again = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var refused = await SignIn.PostLoginAsync(again, worker.UserName, TestUser.Password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Dieses Konto ist gesperrt.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/api/clients/my", UriKind.Relative))).StatusCode);
        clock.Advance(new SecurityStampValidatorOptions().ValidationInterval + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(new Uri("/api/clients/my", UriKind.Relative))).StatusCode);

        html = await admin.GetStringAsync(page);
        using (var unlocked = await admin.PostAsync(page + "?handler=Unlock", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html)))))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        await SignIn.AsAsync(again, worker.UserName, TestUser.Password);
        Assert.Equal(["Update locked", "Update unlocked"], (await host.AuditAsync(worker.Id.Value)).Select(e => $"{e.Action} {e.Details}"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reset_password_replaces_the_old_one(DatabaseProvider provider)
    {
        await using var host = await UserAdminHost.StartAsync(provider);
        var worker = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Interpreter);
        using var admin = await host.AdminAsync();
        var page = $"/Admin/Users/{worker.Id.Value}";
        var html = await admin.GetStringAsync(page);

        using (var weak = await admin.PostAsync(page + "?handler=Password", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html)), ("Password", "nurkleinbuchstaben"))))
        {
            var body = await weak.Content.ReadAsStringAsync();
            Assert.Contains("id=\"new-password-error\"", body, StringComparison.Ordinal);
            Assert.Contains("Großbuchstaben", body, StringComparison.Ordinal);
        }

        using (var before = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            await SignIn.AsAsync(before, worker.UserName, TestUser.Password);
        }

        html = await admin.GetStringAsync(page);
        using var reset = await admin.PostAsync(page + "?handler=Password", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html))));
        var password = InitialPasswordField().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(password);

        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var old = await SignIn.PostLoginAsync(client, worker.UserName, TestUser.Password))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        await SignIn.AsAsync(client, worker.UserName, password);
        Assert.Equal(["Update password reset (one-time password)"], (await host.AuditAsync(worker.Id.Value)).Select(e => $"{e.Action} {e.Details}"));
    }

    [Fact]
    public async Task An_administrator_can_neither_lock_themself_nor_take_their_own_administrator_role()
    {
        await using var host = await UserAdminHost.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await host.AdminAsync();
        var self = await host.UserIdAsync(DemoUsers.Administrator);
        var page = $"/Admin/Users/{self}";
        var html = await admin.GetStringAsync(page);
        Assert.Contains("Ihr eigenes Konto können Sie nicht sperren.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Lock", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Roles\" value=\"Administrator\" />", html, StringComparison.Ordinal);

        // Forged forms are refused all the same.
        using (var locked = await admin.PostAsync(page + "?handler=Lock", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html)))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
            Assert.Contains("Sie können Ihr eigenes Konto nicht sperren.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var demoted = await admin.PostAsync(page + "?handler=Roles", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html)), ("Roles", Roles.Streetworker))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, demoted.StatusCode);
            Assert.Contains("Rolle Administration nicht selbst entziehen", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var api = await admin.PostAsJsonAsync($"/api/admin/users/{self}/lock", new { concurrencyStamp = Stamp(html) });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("own-account", (await api.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());

        Assert.Equal([Roles.Administrator], await host.RolesAsync(self));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).StatusCode);
        Assert.Empty(await host.AuditAsync(self));

        // Another administrator may do both to this one: the office keeps the one acting.
        var second = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Administrator);
        using var other = await host.Factory.SignedInClientAsync(second);
        html = await other.GetStringAsync(page);
        using var taken = await other.PostAsync(page + "?handler=Roles", Form(SignIn.FormToken(html), ("ConcurrencyStamp", Stamp(html)), ("Roles", Roles.Supervisor)));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal([Roles.Supervisor], await host.RolesAsync(self));
    }

    [Fact]
    public async Task Another_office_s_user_does_not_exist_and_other_roles_are_refused()
    {
        await using var host = await UserAdminHost.StartAsync(DatabaseProvider.Sqlite);
        var elsewhere = await host.Factory.CreateUserAsync(await host.Factory.CreateOfficeAsync("Streetwork Nord"), Roles.Streetworker, "Jemand Anderes");
        using var admin = await host.AdminAsync();
        var html = await admin.GetStringAsync($"/Admin/Users/{(await host.UserIdAsync(DemoUsers.Streetworker))}");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/Admin/Users/{elsewhere.Id.Value}", UriKind.Relative))).StatusCode);
        using (var post = await admin.PostAsync($"/Admin/Users/{elsewhere.Id.Value}?handler=Lock", Form(SignIn.FormToken(html), ("ConcurrencyStamp", "x"))))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/admin/users/{elsewhere.Id.Value}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Jemand Anderes", await admin.GetStringAsync("/Admin/Users"), StringComparison.Ordinal);
        Assert.Empty(await host.AuditAsync(elsewhere.Id.Value));

        foreach (var role in new[] { Roles.Streetworker, Roles.Supervisor, Roles.Interpreter, Roles.Partner })
        {
            using var client = await host.Factory.SignedInClientAsync(await host.Factory.DemoUserAsync(role));
            using var page = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/admin/users", UriKind.Relative))).StatusCode);
            using var create = await client.PostAsJsonAsync("/api/admin/users", new { displayName = "X", email = "x@beratung.invalid", roles = new[] { Roles.Administrator } });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            Assert.DoesNotContain("href=\"/Admin/Users\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/Admin/Users\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Null(await host.UserIdOrNullAsync("x@beratung.invalid"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_api_creates_lists_and_changes_users_with_problem_details_for_bad_input(DatabaseProvider provider)
    {
        await using var host = await UserAdminHost.StartAsync(provider);
        using var admin = await host.AdminAsync();

        using var bad = await admin.PostAsJsonAsync("/api/admin/users", new { displayName = "Mira", email = "mira@beratung.invalid", roles = new[] { "Hausmeister" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Die Rolle „Hausmeister“ gibt es nicht.", problem!["errors"]!["roles"]![0]!.GetValue<string>());

        using var created = await admin.PostAsJsonAsync("/api/admin/users", new { displayName = "Mira", email = "mira@beratung.invalid", roles = new[] { Roles.Partner } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        var id = body!["id"]!.GetValue<Guid>();
        Assert.False(string.IsNullOrEmpty(body["initialPassword"]!.GetValue<string>()));

        var list = await admin.GetFromJsonAsync<JsonArray>("/api/admin/users");
        var mira = list!.Single(u => u!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal("active", mira["state"]!.GetValue<string>());
        Assert.Null(mira["passwordHash"]);
        var stamp = mira["concurrencyStamp"]!.GetValue<string>();

        using var changed = await admin.PutAsJsonAsync($"/api/admin/users/{id}/roles", new { roles = new[] { Roles.Partner, Roles.Interpreter }, concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([Roles.Interpreter, Roles.Partner], (await changed.Content.ReadFromJsonAsync<JsonObject>())!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        using var stale = await admin.PostAsJsonAsync($"/api/admin/users/{id}/lock", new { concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("active", (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/users/{id}"))!["state"]!.GetValue<string>());
    }

    private static string Stamp(string html) => StampField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No concurrency stamp on the page.");

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    [GeneratedRegex("data-testid=\"initial-password\">([^<]+)<")]
    private static partial Regex InitialPasswordField();

    [GeneratedRegex("name=\"ConcurrencyStamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampField();

    /// <summary>The real host on SQLite or PostgreSQL, optionally with a fake clock for the security-stamp check.</summary>
    private sealed class UserAdminHost : IAsyncDisposable
    {
        private readonly TempDataDirectory? _directory;
        private readonly PostgresTestDatabase? _postgres;

        private UserAdminHost(CaseWorkHostFactory factory, TempDataDirectory? directory, PostgresTestDatabase? postgres)
        {
            Factory = factory;
            _directory = directory;
            _postgres = postgres;
        }

        public CaseWorkHostFactory Factory { get; }

        public static async Task<UserAdminHost> StartAsync(DatabaseProvider provider, FakeTimeProvider? stampClock = null)
        {
            TempDataDirectory? directory = null;
            PostgresTestDatabase? postgres = null;
            DatabaseOptions database;
            if (provider == DatabaseProvider.Postgres)
            {
                postgres = await TestDatabases.CreatePostgresAsync("useradmin");
                database = TestDatabases.Postgres(postgres.ConnectionString);
            }
            else
            {
                directory = new TempDataDirectory();
                database = TestDatabases.Sqlite(directory.Path);
            }

            var factory = new CaseWorkHostFactory(database)
            {
                ConfigureTestServices = services =>
                {
                    if (stampClock is not null)
                    {
                        services.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = stampClock);
                    }
                },
            };
            _ = factory.Server;
            return new UserAdminHost(factory, directory, postgres);
        }

        public async Task<HttpClient> AdminAsync()
        {
            var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await SignIn.AsAsync(client, DemoUsers.Administrator);
            return client;
        }

        public async Task<Guid> UserIdAsync(string email) => await UserIdOrNullAsync(email) ?? throw new InvalidOperationException($"No user {email}.");

        public async Task<Guid?> UserIdOrNullAsync(string email)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>().FindByEmailAsync(email))?.Id;
        }

        public async Task<int> UserCountAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>().Users.CountAsync();
        }

        public async Task<IReadOnlyList<string>> RolesAsync(Guid userId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>();
            var roles = await users.GetRolesAsync((await users.FindByIdAsync(userId.ToString()))!);
            return [.. Roles.All.Where(roles.Contains)];
        }

        public async Task<IReadOnlyList<AuditEntry>> AuditAsync(Guid userId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var id = userId.ToString();
            return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Entries.AsNoTracking()
                .Where(e => e.RecordType == "User" && e.RecordId == id).OrderBy(e => e.Sequence).ToListAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            _directory?.Dispose();
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
        }
    }
}
