using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Features;
using CaseWork.Modules.Referrals.Features.Answer;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Infrastructure.Scheduling;
using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
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
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("/Referrals", "Partnerverzeichnis", "Partner directory", [Roles.Streetworker, Roles.Supervisor, Roles.Administrator]),
        new("/Referrals/Open", "Offene Weitervermittlungen", "Open referrals", [Roles.Streetworker, Roles.Supervisor]),
        new("/Referrals/Outcomes", "Weitervermittlungen: Auswertung", "Referral outcomes", [Roles.Supervisor]),
        new("/Referrals/Admin", "Partnerverzeichnis verwalten", "Manage partner directory", [Roles.Administrator]),
        new("/Referrals/Partner", "Weitervermittlungen an uns", "Referrals to us", [Roles.Partner]),
    ];

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<ReferralsDbContext>(ReferralsDbContext.StoreDescriptor);
        services.AddModuleMessaging<ReferralsDbContext>(typeof(ReferralsModule).Assembly);
        services.AddScoped<ClientDirectoryAccess>();
        services.AddScoped<ReferralAccess>();
        services.AddScoped<AgencyNotifier>();
        services.AddScoped<Features.Refer.ReferralDispatch>();
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/referrals").WithTags(Name).RequireAuthorization();
        ReferralsEndpoints.Map(api);
        api.MapOutboxInspection<ReferralsDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
    }

    /// <inheritdoc />
    public async Task SeedDemoDataAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var db = services.GetRequiredService<ReferralsDbContext>();
        await DemoDirectory.SeedAsync(db, office.OfficeId, cancellationToken);
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddModuleJob<FollowUpReferralsJob>(Name, "follow-up-referrals", JobSchedule.Every(TimeSpan.FromHours(1)));
        quartz.AddModuleJob<SendOverdueDigestJob>(Name, "overdue-digest",
            JobSchedule.Cron("0 0 7 ? * MON", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
    }
}
