using CaseWork.BuildingBlocks.Infrastructure.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Http;

/// <summary>Links sent out of a request (emails, jobs) are absolute: the configured public address, else where the host listens.</summary>
public sealed class PublicAddressTests
{
    [Fact]
    public void The_configured_public_address_wins_with_or_without_a_trailing_slash()
    {
        var address = Create(new() { ["PublicBaseUrl"] = "https://casework.landkreis.example/ " }, "http://0.0.0.0:8080");

        Assert.Equal("https://casework.landkreis.example/InterpreterBooking/Portal", address.Absolute("/InterpreterBooking/Portal"));
        Assert.Equal("https://casework.landkreis.example/x", address.Absolute("x"));
        Assert.True(address.IsConfigured);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080/p")]
    [InlineData("http://[::]:5080", "http://localhost:5080/p")]
    [InlineData("http://+:5080", "http://localhost:5080/p")]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/p")]
    public void Without_a_setting_the_listening_address_is_used_with_wildcards_as_localhost(string listening, string expected)
    {
        Assert.Equal(expected, Create([], listening).Absolute("/p"));
    }

    [Fact]
    public void Https_is_preferred_and_without_any_server_address_it_is_localhost()
    {
        Assert.Equal("https://localhost:5443/p", Create([], "http://localhost:5080", "https://localhost:5443").Absolute("/p"));
        Assert.Equal("http://localhost/p", Create([]).Absolute("/p"));
        Assert.False(Create([]).IsConfigured);
    }

    private static PublicAddress Create(Dictionary<string, string?> settings, params string[] listening)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (listening.Length > 0)
        {
            services.AddSingleton<IServer>(new ListeningServer(listening));
        }

        return new PublicAddress(configuration, services.BuildServiceProvider());
    }

    private sealed class ListeningServer : IServer
    {
        public ListeningServer(IEnumerable<string> addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
