using CaseWork.BuildingBlocks.Infrastructure.Modules;

namespace CaseWork.Host.Pages;

/// <summary>PLACEHOLDER: server-rendered pages are being built in the main branch.</summary>
internal static class PagesSetup
{
    public static WebApplicationBuilder AddCaseWorkPages(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication UseCaseWorkPipeline(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static void MapCaseWorkPages(this WebApplication app) => app.MapRazorPages();
}
