namespace CaseWork.Host.Identity;

/// <summary>PLACEHOLDER: ASP.NET Core Identity in the identity store is being built in the main branch.</summary>
internal static class IdentitySetup
{
    public static WebApplicationBuilder AddCaseWorkIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication("Cookies").AddCookie("Cookies");
        builder.Services.AddAuthorization();
        return builder;
    }

    public static Task SeedDemoOfficeAsync(this WebApplication app) => Task.CompletedTask;

    public static void PrintStartupBanner(this WebApplication app)
    {
    }
}
