using CaseWork.Benchmarks.Load;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseWork.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>harness</c>: checks the load harness itself — the host's liveness endpoint and the signed-in start page
/// against a bare endpoint that answers a constant. Shows what the pipeline (auth cookie, antiforgery, Razor) costs.
/// </summary>
internal static class HarnessBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var connections = Cli.Int(args, "--connections", 16);
        var seconds = Cli.Int(args, "--seconds", 5);
        using var folder = new TempDataDirectory();
        await using var host = BenchmarkHost.Start(TestDatabases.Sqlite(folder.Path), bare => bare.Run(context =>
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("ok");
        }), Cli.Value(args, "--debug-category") is { } category ? new Dictionary<string, string?> { ["Logging:LogLevel:" + category] = "Debug" } : null);

        using var anonymous = await host.ClientAsync(connections);
        using var signedIn = await host.ClientAsync(connections, DemoUsers.Streetworker);
        var warmup = TimeSpan.FromSeconds(2);
        var measure = TimeSpan.FromSeconds(seconds);
        var bare = await LoadRunner.RunAsync("SQLite", "GET /bench (constant)", anonymous, LoadReport.Get(_ => "/bench"), connections, warmup, measure);
        var live = await LoadRunner.RunAsync("SQLite", "GET /health/live", anonymous, LoadReport.Get(_ => "/health/live"), connections, warmup, measure);
        // Signed in against anonymous on the same endpoint, in alternating slices: what the sign-in cookie costs.
        var (liveSignedIn, liveAnonymous) = await LoadComparer.RunAsync("SQLite", signedIn,
            new LoadTarget("GET /health/live (signed in)", LoadReport.Get(_ => "/health/live")),
            new LoadTarget("GET /health/live (anonymous)", LoadReport.Get(_ => "/health/live"), anonymous), connections, warmup, measure);
        var denied = await LoadRunner.RunAsync("SQLite", "GET /Account/AccessDenied (signed in)", signedIn, LoadReport.Get(_ => "/Account/AccessDenied"), connections, warmup, measure);
        var start = await LoadRunner.RunAsync("SQLite", "GET / (signed in)", signedIn, LoadReport.Get(_ => "/"), connections, warmup, measure);
        LoadReport.Print(
            [bare, live, liveSignedIn, liveAnonymous, denied, start],
            [new LoadComparison(live, bare, 0.5, 2.0), new LoadComparison(liveSignedIn, liveAnonymous, 0.8, 1.5)]);
    }
}
