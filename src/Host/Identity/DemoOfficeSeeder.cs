using Bogus;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseWork.Host.Identity;

/// <summary>
/// Makes sure the roles exist and, on the very first start of a non-production installation, seeds a demo office
/// with one user per role. Never seeds into a database that already has an office or a user, and never in Production.
/// </summary>
internal sealed partial class DemoOfficeSeeder(
    IdentityStoreDbContext db,
    UserManager<CaseWorkUser> users,
    RoleManager<CaseWorkRole> roles,
    IOptions<DemoSeedOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    StartupBanner banner,
    IReadOnlyList<IModule> modules,
    IServiceScopeFactory scopes,
    ILogger<DemoOfficeSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();

        if (environment.IsProduction() || !options.Value.DemoOffice)
        {
            LogSeedingDisabled(environment.EnvironmentName);
            return;
        }

        if (await db.Offices.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            var demoUsers = await DemoUserNamesAsync(cancellationToken);
            banner.RememberExistingDemoUsers(demoUsers);
            return;
        }

        var password = options.Value.DemoPassword is { Length: > 0 } fixedPassword ? fixedPassword : InitialPassword.Generate();
        var office = new Office
        {
            Id = Guid.CreateVersion7(),
            Name = "Streetwork Mitte (Demo)",
            TimeZone = "Europe/Berlin",
            IsDemo = true,
            CreatedAt = time.GetUtcNow(),
        };
        db.Offices.Add(office);
        await db.SaveChangesAsync(cancellationToken);

        var faker = new Faker("de") { Random = new Randomizer(Environment.TickCount) };
        var seededUsers = new Dictionary<string, DemoUser>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var userName = $"{role.ToLowerInvariant()}@demo.casework.invalid";
            var user = new CaseWorkUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                Email = userName,
                EmailConfirmed = true,
                DisplayName = $"{first} {last}",
                OfficeId = office.Id,
                PreferredCulture = "de",
            };

            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Seeding the demo user {userName} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
            banner.AddSeededUser(role, userName, user.DisplayName, password);
            seededUsers[role] = new DemoUser(new UserId(user.Id), userName, user.DisplayName);
        }

        var demo = new DemoOffice(new OfficeId(office.Id), office.TimeZone, seededUsers);
        foreach (var module in modules)
        {
            await using var scope = scopes.CreateAsyncScope();
            using (scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(demo.OfficeId))
            {
                await module.SeedDemoDataAsync(demo, scope.ServiceProvider, cancellationToken);
            }
        }

        LogSeeded(office.Name);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new CaseWorkRole(role));
                // Another instance may have created it at the same moment; only a real failure matters.
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Creating role {role} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    private async Task<IReadOnlyList<string>> DemoUserNamesAsync(CancellationToken cancellationToken)
    {
        var demoOffices = db.Offices.Where(o => o.IsDemo).Select(o => o.Id);
        return await db.Users.Where(u => demoOffices.Contains(u.OfficeId)).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo office {Office}")]
    private partial void LogSeeded(string office);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seeding is off (environment {Environment})")]
    private partial void LogSeedingDisabled(string environment);
}
