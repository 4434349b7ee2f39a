using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>
/// For a page that writes its forms itself instead of through the form tag helper (ADR 0043): the antiforgery field,
/// made once per request and written into every form, exactly as the tag helper writes it.
/// </summary>
internal static class PageForms
{
    /// <summary>
    /// The hidden antiforgery field (the request token of this request's token pair; the cookie token is stored as the tag
    /// helper would). The antiforgery filter still validates every post against the cookie and the signed-in user.
    /// </summary>
    public static IHtmlContent AntiforgeryField(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new HtmlString(
            $"<input name=\"{HtmlEncoder.Default.Encode(tokens.FormFieldName)}\" type=\"hidden\" value=\"{HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")}\" />");
    }
}
