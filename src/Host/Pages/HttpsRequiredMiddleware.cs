using System.Net;

namespace CaseWork.Host.Pages;

/// <summary>
/// Outside Development, sign-in and anti-forgery cookies are secure-only, so a page requested over plain HTTP could not
/// work (ASP.NET would fail with a 500 on the first form). This answers such a request with a short page that says why and
/// what to do - serve HTTPS, or behind a TLS proxy pass <c>X-Forwarded-Proto</c> with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> -
/// and lets the health endpoints through for load balancers that probe over HTTP.
/// </summary>
internal sealed partial class HttpsRequiredMiddleware(RequestDelegate next, ILogger<HttpsRequiredMiddleware> logger)
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CaseWork: nur über HTTPS</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
        <h1>CaseWork ist nur über HTTPS erreichbar</h1>
        <p>Diese Adresse wurde ohne Verschlüsselung aufgerufen. CaseWork enthält vertrauliche Daten und nimmt im Betrieb Anmeldungen nur über HTTPS an.
        Bitte rufen Sie die Adresse mit <code>https://</code> auf. Betreiber: CaseWork mit einem HTTPS-Endpunkt starten oder hinter einem TLS-Proxy betreiben,
        der <code>X-Forwarded-Proto</code> setzt (mit <code>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</code>).</p>
        <h2 lang="en">CaseWork is only served over HTTPS</h2>
        <p lang="en">This address was requested without encryption. CaseWork holds confidential data and in production accepts sign-ins over HTTPS only.
        Please use <code>https://</code>. Operators: start CaseWork with an HTTPS endpoint, or behind a TLS proxy that sets <code>X-Forwarded-Proto</code>
        (with <code>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</code>).</p>
        </body></html>
        """;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        LogPlainHttp(context.Request.Path);
        context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(
                title: "HTTPS required",
                detail: "CaseWork only serves over HTTPS outside Development (or behind a TLS proxy that sets X-Forwarded-Proto).",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plain HTTP request to {Path} refused: CaseWork serves over HTTPS outside Development")]
    private partial void LogPlainHttp(string path);
}
