using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.CanaryKernel;

/// <summary>Violation: the kernel registering itself in a DI container drags Microsoft.Extensions into every contract.</summary>
public static class KernelRegistration
{
    public static IServiceCollection AddKernel(this IServiceCollection services) => services.AddSingleton(TimeProvider.System);
}
