using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.InterpreterBooking;

/// <summary>The entry type of the InterpreterBooking module (schema <c>interpreter_booking</c>).</summary>
public sealed class InterpreterBookingModule : IModule
{
    /// <inheritdoc />
    public string Name => InterpreterBookingContract.ModuleName;

    /// <inheritdoc />
    public string TitleDe => "Sprachmittlung";

    /// <inheritdoc />
    public string TitleEn => "Interpreter booking";

    /// <inheritdoc />
    public StoreDescriptor Store => InterpreterBookingDbContext.StoreDescriptor;

    /// <inheritdoc />
    public Type DbContextType => typeof(InterpreterBookingDbContext);

    /// <inheritdoc />
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<InterpreterBookingDbContext>(InterpreterBookingDbContext.StoreDescriptor);
        services.AddModuleMessaging<InterpreterBookingDbContext>(typeof(InterpreterBookingModule).Assembly);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/interpreter-booking").WithTags(Name).RequireAuthorization();
        api.MapOutboxInspection<InterpreterBookingDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}
