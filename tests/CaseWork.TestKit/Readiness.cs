using System.Net;

namespace CaseWork.TestKit;

/// <summary>Waits for <c>/health/ready</c> the way a load balancer does before sending traffic to a new instance.</summary>
public static class Readiness
{
    /// <summary>Polls until the host reports ready; fails with the last report after <paramref name="timeout"/> (default 30 s).</summary>
    public static async Task WaitUntilReadyAsync(HttpClient client, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            last = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not become ready in time. Last report: {last}");
    }
}
