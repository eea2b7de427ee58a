using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

/// <summary>
/// Sixteen clients writing at once to the embedded database: none sees a 5xx or "database is locked", and every
/// write acknowledged with 201 is in the database afterwards. Four seconds in the suite; set TALKS_WRITERS_SECONDS=30
/// for the half-minute run.
/// </summary>
public sealed class ManyWritersTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    [Fact]
    public async Task SixteenConcurrentWritersGetNoServerErrorsAndEveryAcknowledgedWriteIsStored()
    {
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();

        // The app starts (migrations, seed) before the clock runs.
        using (var warmUp = await factory.CreateClient().GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        // Four seconds in the suite; TALKS_WRITERS_SECONDS=30 gives the full half-minute run.
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("TALKS_WRITERS_SECONDS"), out var s) && s > 0 ? s : 4;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var prefix = Unique("Writer");

        var writers = Enumerable.Range(0, 16).Select(async writer =>
        {
            var client = factory.CreateClient();
            for (var i = 0; DateTime.UtcNow < until; i++)
            {
                using var response = await client.PostJsonAsync("/api/v1/parties", Party($"{prefix} {writer} {i}"));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add(IdFrom($"{prefix} {writer} {i}"));
                }
                else
                {
                    failures.Add($"{(int)response.StatusCode}: {text}");
                }
            }
        });
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.True(acknowledged.Count >= 16, $"Only {acknowledged.Count} writes in {seconds} seconds: every writer finishes at least one.");
        var stored = await factory.InDatabaseAsync(db => db.Parties.Where(p => p.Id.StartsWith(IdFrom(prefix))).Select(p => p.Id).ToListAsync());
        Assert.Equal(acknowledged.Order(), stored.Order());
    }
}
