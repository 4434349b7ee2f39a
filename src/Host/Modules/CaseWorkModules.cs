using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.Modules.Appointments;
using CaseWork.Modules.Clients;
using CaseWork.Modules.DebtCounselling;
using CaseWork.Modules.InterpreterBooking;
using CaseWork.Modules.Referrals;

namespace CaseWork.Host.Modules;

/// <summary>The modules this host composes, listed explicitly; <c>Modules:&lt;Name&gt;:Enabled=false</c> leaves one out.</summary>
internal static class CaseWorkModules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new ClientsModule(),
        new AppointmentsModule(),
        new ReferralsModule(),
        new DebtCounsellingModule(),
        new InterpreterBookingModule(),
    ];

    public static IReadOnlyList<IModule> Enabled(IConfiguration configuration) =>
        All.Where(m => configuration.GetValue($"Modules:{m.Name}:Enabled", defaultValue: true)).ToList();
}
