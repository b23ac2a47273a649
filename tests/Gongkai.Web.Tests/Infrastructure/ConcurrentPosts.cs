using System.Net;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>Several staff members pressing save on the same thing at the same moment.</summary>
public static class ConcurrentPosts
{
    /// <summary>
    /// Awaits posts sent at once: none may be a 500, exactly one may be applied (a redirect), and every other one
    /// re-renders its page (200) with a message matching <paramref name="refusal"/>.
    /// </summary>
    public static async Task ExactlyOneAppliedAsync(IEnumerable<Task<HttpResponseMessage>> posts, string refusal)
    {
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        var applied = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r != applied))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Matches(refusal, await refused.Content.ReadAsStringAsync());
        }
    }
}
