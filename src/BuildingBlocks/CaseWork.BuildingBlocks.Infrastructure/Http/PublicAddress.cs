using CaseWork.BuildingBlocks.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace CaseWork.BuildingBlocks.Infrastructure.Http;

/// <summary>
/// <see cref="IPublicAddress"/> from the <c>PublicBaseUrl</c> setting, else the first address the server listens on
/// (https first; a wildcard host as localhost), else <c>http://localhost</c>.
/// </summary>
internal sealed class PublicAddress(IConfiguration configuration, IServiceProvider services) : IPublicAddress
{
    public const string SettingName = "PublicBaseUrl";

    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return BaseUrl() + (path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>Whether the operator named the public address (else links point to where this host listens).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration[SettingName]);

    private string BaseUrl()
    {
        if (configuration[SettingName] is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().TrimEnd('/');
        }

        var addresses = (services.GetService(typeof(IServer)) as IServer)?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listening = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        return listening is null ? "http://localhost" : Loopback(listening).TrimEnd('/');
    }

    private static string Loopback(string address)
    {
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            if (address.Contains(wildcard, StringComparison.Ordinal))
            {
                return address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
            }
        }

        return address;
    }
}
