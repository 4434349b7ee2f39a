using System.Net;
using System.Text.RegularExpressions;

namespace CaseWork.TestKit;

/// <summary>Drives the sign-in form over HTTP the way a browser does: read the form's anti-forgery token, post the form.</summary>
public static partial class SignIn
{
    /// <summary>Reads the anti-forgery token from the first form of a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return FormToken(html);
    }

    /// <summary>The hidden anti-forgery field of an HTML page.</summary>
    public static string FormToken(string html)
    {
        var match = TokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no anti-forgery token.");
    }

    /// <summary>Posts the sign-in form; returns the response (302 to the start page on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Signs in and fails unless the form redirected (success).</summary>
    public static async Task AsAsync(HttpClient client, string userName, string password = DemoUsers.Password)
    {
        using var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
