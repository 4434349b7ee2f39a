using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Infrastructure.Http;

/// <summary>
/// For pages that write their forms as plain HTML instead of through the form tag helper (ADR 0043): the antiforgery field,
/// made once per request and written into every form, exactly as the tag helper writes it.
/// </summary>
public static class PageForms
{
    /// <summary>
    /// The hidden antiforgery field: the request token of this request's token pair (asked once; the antiforgery service
    /// keeps the pair for the request and stores the cookie token as the tag helper would). The antiforgery filter still
    /// validates every post against the cookie and the signed-in user.
    /// </summary>
    public static IHtmlContent AntiforgeryField(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new HtmlString(
            $"<input name=\"{HtmlEncoder.Default.Encode(tokens.FormFieldName)}\" type=\"hidden\" value=\"{HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")}\" />");
    }
}
