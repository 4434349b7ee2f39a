using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender.Contracts;
using CaseWork.TestKit;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Messaging;

/// <summary>What <c>AddModuleMessaging</c> registers from a module's assembly.</summary>
public sealed class ModuleHandlerRegistrationTests
{
    [Fact]
    public void Each_module_takes_only_its_own_handlers_when_filtered()
    {
        var services = new ServiceCollection();
        services.AddModuleMessaging<SenderDbContext>(typeof(SenderModule).Assembly, SenderModule.IsPartOfModule);
        services.AddModuleMessaging<ReceiverDbContext>(typeof(ReceiverModule).Assembly, ReceiverModule.IsPartOfModule);

        var subscriptions = Subscriptions(services);
        Assert.Equal(
            new[] { typeof(AcknowledgeReceivedNote), typeof(RecordReceivedNote) }.Select(t => t.FullName),
            subscriptions.Select(s => s.HandlerType.FullName).Order());
        Assert.All(subscriptions, s => Assert.Equal(typeof(ReceiverDbContext), s.DbContextType));
        Assert.All(subscriptions, s => Assert.Equal(typeof(NoteCreated), s.EventType));
        Assert.Equal(
            [typeof(SenderDbContext), typeof(ReceiverDbContext)],
            services.Where(d => d.ServiceType == typeof(ModuleOutboxRegistration))
                .Select(d => ((ModuleOutboxRegistration)d.ImplementationInstance!).DbContextType));
        // One resolvable registration (Scrutor keeps the decorated ones under a service key).
        Assert.Single(services, d => d.ServiceType == typeof(ICommandHandler<CreateNote, Guid>) && d.ServiceKey is null);
    }

    [Fact]
    public void Without_a_filter_the_whole_assembly_is_the_module()
    {
        var services = new ServiceCollection();
        services.AddModuleMessaging<SenderDbContext>(typeof(SenderModule).Assembly);

        // The test assembly holds both test modules, so the sender would claim the receiver's handlers:
        // this is why the test modules pass a filter, and why a real module is one assembly.
        Assert.Contains(Subscriptions(services), s => s.HandlerType == typeof(RecordReceivedNote) && s.DbContextType == typeof(SenderDbContext));
    }

    [Fact]
    public async Task Commands_are_decorated_with_logging_outermost()
    {
        using var directory = new TempDataDirectory();
        // Async disposal: the unit of work takes the audit trail, whose chain writer only disposes asynchronously.
        await using var provider = BuildProvider(directory.Path);
        await using var scope = provider.CreateAsyncScope();

        var handler = scope.ServiceProvider.GetRequiredService<ICommandHandler<CreateNote, Guid>>();
        var query = scope.ServiceProvider.GetRequiredService<IQueryHandler<ListNoteTitles, IReadOnlyList<string>>>();

        Assert.StartsWith("LoggingCommandDecorator", handler.GetType().Name, StringComparison.Ordinal);
        Assert.StartsWith("LoggingQueryDecorator", query.GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Validators_are_registered_as_validators_only()
    {
        var services = new ServiceCollection();
        services.AddModuleMessaging<SenderDbContext>(typeof(SenderModule).Assembly, SenderModule.IsPartOfModule);

        var registrations = services.Where(d => d.ImplementationType == typeof(CreateNoteValidator)).Select(d => d.ServiceType).ToList();

        Assert.Equal([typeof(IValidator<CreateNote>)], registrations);
    }

    [Fact]
    public void Integration_event_handlers_are_registered_as_themselves()
    {
        var services = new ServiceCollection();
        services.AddModuleMessaging<ReceiverDbContext>(typeof(ReceiverModule).Assembly, ReceiverModule.IsPartOfModule);

        Assert.Single(services, d => d.ServiceType == typeof(RecordReceivedNote) && d.Lifetime == ServiceLifetime.Scoped);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IIntegrationEventHandler<NoteCreated>));
    }

    [Fact]
    public void The_arguments_are_checked()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddModuleMessaging<SenderDbContext>(null!));
        Assert.Throws<ArgumentNullException>(() => services.AddModuleMessaging<SenderDbContext>(typeof(SenderModule).Assembly, null!));
    }

    private static List<IntegrationEventSubscription> Subscriptions(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(IntegrationEventSubscription))
            .Select(d => (IntegrationEventSubscription)d.ImplementationInstance!)
            .ToList();

    private static ServiceProvider BuildProvider(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaseWorkInfrastructure(configuration);
        new SenderModule().AddServices(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
