using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Demo;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Staff;

public class WebNodeTests
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_web_node_is_accepted_by_another_node_on_the_same_database()
    {
        await using var first = new SqliteApp();
        await ((IAsyncLifetime)first).InitializeAsync();
        var cookie = await SignInCookieAsync(first);
        // The key that protects the cookie lives in the database, not on the first node's disk.
        await using (var core = first.CoreServices())
        {
            var db = core.CreateScope().ServiceProvider.GetRequiredService<GongkaiDb>();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            // ...and is stored encrypted with the installation's secret, which is not in the database.
            Assert.All(keys, xml =>
            {
                Assert.Contains(nameof(KeyRingDecryptor), xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
        }

        await using var second = new GongkaiAppFactory(DatabaseProvider.sqlite, dataDir: first.DataDir);
        await ((IAsyncLifetime)second).InitializeAsync();
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("县政务公开办", await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> SignInCookieAsync(GongkaiAppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/staff/login");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/staff/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "admin", ["Input.Password"] = DemoStaff.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal)).Split(';')[0];
    }
}
