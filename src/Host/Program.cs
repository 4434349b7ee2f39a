using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Host.Health;
using CaseWork.Host.Hosting;
using CaseWork.Host.Identity;
using CaseWork.Host.Identity.Administration;
using CaseWork.Host.Modules;
using CaseWork.Host.Pages;
using CaseWork.Host.Scheduling;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddCaseWorkConsole(builder.Configuration);

var modules = CaseWorkModules.Enabled(builder.Configuration);
builder.Services.AddSingleton(modules);
builder.Services.AddCaseWorkInfrastructure(builder.Configuration);
foreach (var module in modules)
{
    module.AddServices(builder.Services, builder.Configuration);
}

builder.AddCaseWorkIdentity();
builder.AddCaseWorkScheduler(modules);
builder.AddCaseWorkPages(modules);
builder.Services.AddCaseWorkHealthChecks();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1");

var app = builder.Build();

await app.Services.GetRequiredService<StoreMigrator>().MigrateAllAsync();
await app.SeedDemoOfficeAsync();
await app.Services.GetRequiredService<StoreStatistics>().RefreshAsync();

app.UseCaseWorkPipeline();
app.MapCaseWorkHealth();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
foreach (var module in modules)
{
    module.MapEndpoints(app);
}

app.MapUserAdministration();
app.MapCaseWorkPages();
app.PrintStartupBanner();

await app.RunAsync();

/// <summary>The host's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
