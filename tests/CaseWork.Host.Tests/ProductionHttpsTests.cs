using System.Net;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Host.Tests;

/// <summary>
/// Outside Development the cookies are secure-only: over plain HTTP a page says CaseWork needs HTTPS (it used to be a 500
/// from the anti-forgery system, even on the error page), health probes still answer, and over HTTPS sign-in works.
/// </summary>
public sealed class ProductionHttpsTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();
    private ProductionHostFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ProductionHostFactory(_directory.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Plain_http_gets_a_clear_page_and_a_problem_for_the_api_and_changes_nothing()
    {
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var login = await http.GetAsync("/Account/Login");
        var page = await login.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Contains("nur über HTTPS", page, StringComparison.Ordinal);
        Assert.Contains("only served over HTTPS", page, StringComparison.Ordinal);

        using var posted = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "x", ["Input.Password"] = "y" }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);

        using var api = await http.GetAsync("/api/clients");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        using var health = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Over_https_the_sign_in_page_and_its_form_work()
    {
        using var https = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://casework.landkreis.example"), AllowAutoRedirect = false });

        using var login = await https.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(login.Headers.Contains("Strict-Transport-Security"), "HSTS for a real host name (localhost is exempt)");
    }

    private sealed class ProductionHostFactory(string directory) : CaseWorkHostFactory(TestDatabases.Sqlite(directory))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
