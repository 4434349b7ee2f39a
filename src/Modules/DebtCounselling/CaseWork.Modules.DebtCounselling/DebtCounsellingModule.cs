using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.DebtCounselling.Contracts;
using CaseWork.Modules.DebtCounselling.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.DebtCounselling;

/// <summary>The entry type of the DebtCounselling module (schema <c>debt_counselling</c>).</summary>
public sealed class DebtCounsellingModule : IModule
{
    /// <inheritdoc />
    public string Name => DebtCounsellingContract.ModuleName;

    /// <inheritdoc />
    public string TitleDe => "Schuldnerberatung";

    /// <inheritdoc />
    public string TitleEn => "Debt counselling";

    /// <inheritdoc />
    public StoreDescriptor Store => DebtCounsellingDbContext.StoreDescriptor;

    /// <inheritdoc />
    public Type DbContextType => typeof(DebtCounsellingDbContext);

    /// <inheritdoc />
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<DebtCounsellingDbContext>(DebtCounsellingDbContext.StoreDescriptor);
        services.AddModuleMessaging<DebtCounsellingDbContext>(typeof(DebtCounsellingModule).Assembly);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/debt-counselling").WithTags(Name).RequireAuthorization();
        api.MapOutboxInspection<DebtCounsellingDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}
