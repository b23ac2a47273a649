using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Demo;
using Gongkai.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>HTTP helpers for staff pages: sign in as a demo role, read antiforgery tokens, post forms.</summary>
public static partial class StaffClient
{
    /// <summary>The demo login holding <paramref name="role"/> (platform admin in 县政府办公室, the rest in 教育局 "jyj").</summary>
    public static string DemoUser(StaffRole role) => DemoStaff.All.First(u => u.Role == role).UserName;

    /// <summary>The agency code of the demo login holding <paramref name="role"/>.</summary>
    public static string DemoAgency(StaffRole role) => DemoStaff.All.First(u => u.Role == role).AgencyCode;

    public static HttpClient Anonymous(this GongkaiAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client signed in as the demo login for <paramref name="role"/>, shared per app and role
    /// (password hashing makes each sign-in cost ~100 ms). Do not sign it out or change its password.
    /// </summary>
    public static Task<HttpClient> LoginAsync(this GongkaiAppFactory app, StaffRole role) =>
        Sessions.GetOrCreateValue(app).GetOrAdd(role, r => app.LoginAsync(DemoUser(r), DemoStaff.Password));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GongkaiAppFactory,
        System.Collections.Concurrent.ConcurrentDictionary<StaffRole, Task<HttpClient>>> Sessions = new();

    public static async Task<HttpClient> LoginAsync(this GongkaiAppFactory app, string userName, string password)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/staff/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Reads the antiforgery token from <paramref name="pagePath"/> (every staff page has one in its logout form).</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string pagePath)
    {
        var token = TokenIn(await client.GetStringAsync(pagePath));
        return token.Length > 0 ? token : throw new InvalidOperationException($"No antiforgery token on {pagePath}");
    }

    /// <summary>The antiforgery token in a page's HTML ("" when there is none).</summary>
    public static string TokenIn(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    /// <summary>The value of the input named <paramref name="name"/> in a page's HTML (e.g. a hidden version field), or null.</summary>
    public static string? FieldValue(string html, string name)
    {
        foreach (Match input in InputTagPattern().Matches(html))
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
                return ValuePattern().Match(input.Value) is { Success: true } v ? WebUtility.HtmlDecode(v.Groups[1].Value) : "";
        return null;
    }

    /// <summary>Posts a form the way a browser would: token from <paramref name="tokenFrom"/> (default: the same path).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var token = await client.TokenAsync(tokenFrom ?? path);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputTagPattern();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();
}
