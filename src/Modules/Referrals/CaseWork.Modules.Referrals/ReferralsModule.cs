using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.Referrals;

/// <summary>The entry type of the Referrals module (schema <c>referrals</c>).</summary>
public sealed class ReferralsModule : IModule
{
    /// <inheritdoc />
    public string Name => ReferralsContract.ModuleName;

    /// <inheritdoc />
    public string TitleDe => "Weitervermittlungen";

    /// <inheritdoc />
    public string TitleEn => "Referrals";

    /// <inheritdoc />
    public StoreDescriptor Store => ReferralsDbContext.StoreDescriptor;

    /// <inheritdoc />
    public Type DbContextType => typeof(ReferralsDbContext);

    /// <inheritdoc />
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<ReferralsDbContext>(ReferralsDbContext.StoreDescriptor);
        services.AddModuleMessaging<ReferralsDbContext>(typeof(ReferralsModule).Assembly);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/referrals").WithTags(Name).RequireAuthorization();
        api.MapOutboxInspection<ReferralsDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}
