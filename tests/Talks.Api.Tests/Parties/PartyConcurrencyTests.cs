using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Tests.Infrastructure;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Parties;

/// <summary>Two analysts editing at once must never both win, and a race must never surface as a 500.</summary>
public sealed class PartyConcurrencyTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/parties";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task OfSimultaneousEditsFromTheSameVersionExactlyOneWinsAndTheOthersAnswer412()
    {
        var created = await _client.CreateAsync(Url, Party(Unique("Contested State")));
        var id = created.GetProperty("id").GetString()!;
        var url = $"{Url}/{id}";

        var edits = Enumerable.Range(1, 6)
            .Select(i => _client.PatchAsync(url, $$"""{ "notes": "Analyst {{i}}." }""", "\"1\""))
            .ToList();
        var responses = await Task.WhenAll(edits);

        try
        {
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.PreconditionFailed, s));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await refused.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
            }

            var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync(HttpStatusCode.OK);
            var row = await factory.InDatabaseAsync(db => db.Parties.AsNoTracking().SingleAsync(p => p.Id == id));
            Assert.Equal(2, row.Version);
            Assert.Equal(winner.GetProperty("notes").GetString(), row.Notes);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task SimultaneousCreatesOfTheSameNameEachGetAnIdOrAConflictNeverAServerError()
    {
        var name = Unique("Crowded Name");

        var creates = Enumerable.Range(1, 5).Select(_ => _client.PostJsonAsync(Url, Party(name))).ToList();
        var responses = await Task.WhenAll(creates);

        try
        {
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            var ids = new List<string>();
            foreach (var response in responses)
            {
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    ids.Add((await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
                }
                else
                {
                    await response.ReadProblemAsync(HttpStatusCode.Conflict);
                }
            }

            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var stored = await factory.InDatabaseAsync(db => db.Parties.CountAsync(p => p.Name == name));
            Assert.Equal(ids.Count, stored);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
