using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.TestKit;

/// <summary>A user a test created, with the password to sign in with.</summary>
public sealed record TestUser(UserId Id, OfficeId OfficeId, string UserName, string DisplayName, string Role)
{
    /// <summary>The password every test user gets.</summary>
    public const string Password = "Test-Passwort-2026!";
}

/// <summary>Creates offices and users in a running host for tests that need more than the demo office (e.g. another office's streetworker).</summary>
public static class TestOffices
{
    /// <summary>The seeded demo office.</summary>
    public static async Task<OfficeId> DemoOfficeAsync(this CaseWorkHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        return new OfficeId(await db.Offices.Where(o => o.IsDemo).Select(o => o.Id).FirstAsync());
    }

    /// <summary>A demo user by role (signed in with <see cref="DemoUsers.Password"/>).</summary>
    public static async Task<TestUser> DemoUserAsync(this CaseWorkHostFactory host, string role)
    {
        ArgumentNullException.ThrowIfNull(host);
        var office = await host.DemoOfficeAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var staff = await scope.ServiceProvider.GetRequiredService<IOfficeDirectory>().GetStaffAsync(office, role, CancellationToken.None);
        var user = staff.First(s => s.Email!.EndsWith("@demo.casework.invalid", StringComparison.Ordinal));
        return new TestUser(user.Id, office, user.Email!, user.DisplayName, role);
    }

    /// <summary>Creates another office (with <paramref name="id"/> when given).</summary>
    public static async Task<OfficeId> CreateOfficeAsync(this CaseWorkHostFactory host, string name, OfficeId? id = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var office = new Office { Id = id?.Value ?? Guid.CreateVersion7(), Name = name, TimeZone = "Europe/Berlin", CreatedAt = DateTimeOffset.UtcNow };
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return new OfficeId(office.Id);
    }

    /// <summary>Creates a user in <paramref name="office"/> with one role; sign in with <see cref="TestUser.Password"/>.</summary>
    public static async Task<TestUser> CreateUserAsync(this CaseWorkHostFactory host, OfficeId office, string role, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>();
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.invalid";
        var user = new CaseWorkUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            Email = userName,
            EmailConfirmed = true,
            DisplayName = displayName ?? $"Test {role}",
            OfficeId = office.Value,
        };
        var created = await users.CreateAsync(user, TestUser.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return new TestUser(new UserId(user.Id), office, userName, user.DisplayName, role);
    }

    /// <summary>A client signed in as <paramref name="user"/> (cookies kept, redirects not followed).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this CaseWorkHostFactory host, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var password = user.UserName.EndsWith("@demo.casework.invalid", StringComparison.Ordinal) ? DemoUsers.Password : TestUser.Password;
        await SignIn.AsAsync(client, user.UserName, password);
        return client;
    }
}
