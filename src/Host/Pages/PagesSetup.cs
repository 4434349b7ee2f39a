using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using Microsoft.AspNetCore.Localization;

namespace CaseWork.Host.Pages;

/// <summary>Server-rendered pages (German first, English switchable), the security headers and the request pipeline.</summary>
internal static class PagesSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("de-DE"), new("en-GB")];

    public static WebApplicationBuilder AddCaseWorkPages(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Umlauts, Arabic, Cyrillic and Persian script are written as they are instead of as &#...; entities.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        var mvc = builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Culture");
                options.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(TextResourceOf(type)));

        // Modules plug their pages in as application parts; the layout lists their navigation entries.
        foreach (var module in modules)
        {
            mvc.AddApplicationPart(module.GetType().Assembly);
        }

        mvc.ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(
            new ModuleViewComponents([.. modules.Select(m => m.GetType().Assembly)])));

        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("de-DE");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseCaseWorkPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            // Secure-only cookies need HTTPS: a plain HTTP request gets a page that says so, not a 500 on the first form.
            app.UseMiddleware<HttpsRequiredMiddleware>();
        }

        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static void MapCaseWorkPages(this WebApplication app) => app.MapRazorPages();

    /// <summary>
    /// The text resource for a type: a module's pages keep their English texts in the module's own
    /// <c>Resources/ModuleText.en.resx</c> (marker type <c>&lt;module root namespace&gt;.ModuleText</c>); everything else uses the host's.
    /// </summary>
    internal static Type TextResourceOf(Type type)
    {
        var assembly = type.Assembly;
        return assembly.GetType(assembly.GetName().Name + ".ModuleText") ?? typeof(SharedResource);
    }
}
