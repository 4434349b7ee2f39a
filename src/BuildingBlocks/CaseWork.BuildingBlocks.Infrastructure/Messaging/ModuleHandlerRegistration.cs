using System.Reflection;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseWork.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Registers a module's handlers, validators and integration-event subscriptions by scanning its assembly.</summary>
public static class ModuleHandlerRegistration
{
    /// <summary>
    /// Scans <paramref name="moduleAssembly"/> (internal types included) and registers, scoped:
    /// command and query handlers, decorated as logging → validation → SQLite connection scope → unit of work (<typeparamref name="TDbContext"/>) → handler;
    /// FluentValidation validators; integration-event handlers with their inbox subscriptions; and the module's outbox.
    /// </summary>
    public static IServiceCollection AddModuleMessaging<TDbContext>(this IServiceCollection services, Assembly moduleAssembly)
        where TDbContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(moduleAssembly);
        return services.AddModuleMessaging<TDbContext>(moduleAssembly, static _ => true);
    }

    /// <summary>
    /// As <see cref="AddModuleMessaging{TDbContext}(IServiceCollection, Assembly)"/>, but takes only the types of
    /// <paramref name="moduleAssembly"/> that <paramref name="includeType"/> accepts. A real module is one assembly and
    /// needs no filter; an assembly holding several modules (test modules, a module being split out) does.
    /// </summary>
    public static IServiceCollection AddModuleMessaging<TDbContext>(
        this IServiceCollection services,
        Assembly moduleAssembly,
        Func<Type, bool> includeType)
        where TDbContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(moduleAssembly);
        ArgumentNullException.ThrowIfNull(includeType);
        var moduleTypes = ConcreteTypes(moduleAssembly).Where(includeType).ToList();

        services.Scan(scan => scan
            .FromAssemblies(moduleAssembly)
            .AddClasses(c => c.AssignableTo(typeof(ICommandHandler<,>)).Where(includeType), publicOnly: false)
            .AsImplementedInterfaces(IsClosed(typeof(ICommandHandler<,>)))
            .WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IQueryHandler<,>)).Where(includeType), publicOnly: false)
            .AsImplementedInterfaces(IsClosed(typeof(IQueryHandler<,>)))
            .WithScopedLifetime()
            // Only as IValidator<T>: AbstractValidator also implements IValidator and IEnumerable<IValidationRule>,
            // which would otherwise end up in the container too.
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)).Where(includeType), publicOnly: false)
            .AsImplementedInterfaces(IsClosed(typeof(IValidator<>)))
            // Validators are stateless; built per request, their rules (expressions, compiled accessors) were rebuilt
            // for every request too.
            .WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IIntegrationEventHandler<>)).Where(includeType), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());

        services.TryAddScoped<SqliteConnectionScope<TDbContext>>();
        foreach (var handlerInterface in HandlerInterfaces(moduleTypes, typeof(ICommandHandler<,>)))
        {
            var (command, value) = (handlerInterface.GenericTypeArguments[0], handlerInterface.GenericTypeArguments[1]);
            services.Decorate(handlerInterface, typeof(UnitOfWorkCommandDecorator<,,>).MakeGenericType(command, value, typeof(TDbContext)));
            services.Decorate(handlerInterface, typeof(ConnectionCommandDecorator<,,>).MakeGenericType(command, value, typeof(TDbContext)));
            services.Decorate(handlerInterface, typeof(ValidationCommandDecorator<,>).MakeGenericType(command, value));
            services.Decorate(handlerInterface, typeof(LoggingCommandDecorator<,>).MakeGenericType(command, value));
        }

        foreach (var handlerInterface in HandlerInterfaces(moduleTypes, typeof(IQueryHandler<,>)))
        {
            var (query, value) = (handlerInterface.GenericTypeArguments[0], handlerInterface.GenericTypeArguments[1]);
            services.Decorate(handlerInterface, typeof(ConnectionQueryDecorator<,,>).MakeGenericType(query, value, typeof(TDbContext)));
            services.Decorate(handlerInterface, typeof(ValidationQueryDecorator<,>).MakeGenericType(query, value));
            services.Decorate(handlerInterface, typeof(LoggingQueryDecorator<,>).MakeGenericType(query, value));
        }

        var create = typeof(IntegrationEventSubscription).GetMethod(nameof(IntegrationEventSubscription.Create))!;
        foreach (var handlerType in moduleTypes)
        {
            foreach (var eventHandler in handlerType.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)))
            {
                var subscription = (IntegrationEventSubscription)create
                    .MakeGenericMethod(eventHandler.GenericTypeArguments[0], handlerType)
                    .Invoke(null, [typeof(TDbContext)])!;
                services.AddSingleton(subscription);
            }
        }

        services.AddSingleton(new ModuleOutboxRegistration(typeof(TDbContext)));
        return services;
    }

    private static Func<Type, bool> IsClosed(Type openInterface) =>
        i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface;

    private static IEnumerable<Type> HandlerInterfaces(IEnumerable<Type> types, Type openInterface) =>
        types
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)
            .Distinct();

    private static IEnumerable<Type> ConcreteTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
}
