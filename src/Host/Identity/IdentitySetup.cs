using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseWork.Host.Identity;

/// <summary>Sign-in with ASP.NET Core Identity in the identity store, cookies and anti-forgery shared by all host instances.</summary>
internal static class IdentitySetup
{
    public const string AuthCookieName = "casework.auth";
    public const string AntiforgeryCookieName = "casework.af";

    public static WebApplicationBuilder AddCaseWorkIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var secureCookies = !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing");

        services.AddCaseWorkStore<IdentityStoreDbContext>(IdentityStoreDbContext.Store);
        services.AddIdentity<CaseWorkUser, CaseWorkRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CaseWorkClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = AuthCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = ValidateSecurityStampWhenDue;
            cookie.Events.OnSignedIn = RecordSignInAsync;
        });

        // After the cookie handler's own post-configuration (registered by AddIdentity), which sets up the ticket format.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CacheCookieTickets>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "X-CSRF-TOKEN";
        });

        // Keys in the identity store, so a cookie or anti-forgery token made by one instance is accepted by another.
        services.AddDataProtection().SetApplicationName("CaseWork");
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((options, repository) => options.XmlRepository = repository);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Streetworker, p => p.RequireRole(Roles.Streetworker))
            .AddPolicy(Roles.Interpreter, p => p.RequireRole(Roles.Interpreter))
            .AddPolicy(Roles.Supervisor, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));

        services.AddOptions<DemoSeedOptions>().Bind(builder.Configuration.GetSection(DemoSeedOptions.SectionName));
        services.AddScoped<DemoOfficeSeeder>();
        services.AddMemoryCache();
        services.AddScoped<IOfficeDirectory, OfficeDirectory>();
        services.AddScoped<Administration.UserAdministration>();
        services.AddSingleton<StartupBanner>();
        return builder;
    }

    /// <summary>
    /// Identity checks a cookie's security stamp against the store once per <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
    /// (30 minutes): a changed password or a locked account ends other sessions then. Its hook resolves the validator —
    /// sign-in manager, user manager, user store and an identity context — on every request only to find that no check is
    /// due; this asks the same question first and resolves it only when the check is due (ADR 0027).
    /// </summary>
    internal static Task ValidateSecurityStampWhenDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Notes when a user signed in, for the user administration (ADR 0034); one update, not through the user manager, so an administrator's open form stays current.</summary>
    internal static async Task RecordSignInAsync(CookieSignedInContext context)
    {
        if (!Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<IdentityStoreDbContext>().Users
            .Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now), context.HttpContext.RequestAborted);
    }

    public static async Task SeedDemoOfficeAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoOfficeSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    }

    public static void PrintStartupBanner(this WebApplication app)
    {
        var banner = app.Services.GetRequiredService<StartupBanner>();
        var links = app.Services.GetRequiredService<CaseWork.BuildingBlocks.Notifications.IPublicAddress>();
        app.Lifetime.ApplicationStarted.Register(() => banner.Print(app.Urls, links.Absolute("/")));
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        // An API client gets a status code, never an HTML login page.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The <c>Seed</c> configuration section.</summary>
internal sealed class DemoSeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Whether an empty database gets the demo office (never in Production).</summary>
    public bool DemoOffice { get; set; } = true;

    /// <summary>A fixed password for the demo users (tests); by default a random one is generated and printed once.</summary>
    public string? DemoPassword { get; set; }
}
