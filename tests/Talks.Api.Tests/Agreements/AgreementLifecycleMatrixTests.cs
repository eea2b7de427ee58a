using System.Net;
using Microsoft.EntityFrameworkCore;
using Talks.Api.Hosting.Json;
using Talks.Api.Tests.Infrastructure;
using Talks.Data.Entities;
using static Talks.Api.Tests.Agreements.AgreementTests;
using static Talks.Api.Tests.Infrastructure.TestData;

namespace Talks.Api.Tests.Agreements;

/// <summary>
/// Every status to every status, through both ways an analyst moves an agreement on: a merge patch of its status, and
/// an implementation event with <c>statusAfter</c>. The cases come from the enum, so a status added later is tested
/// (as forbidden, until it is written into <see cref="Allowed"/>).
/// </summary>
public sealed class AgreementLifecycleMatrixTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/agreements";

    /// <summary>The lifecycle as the design states it, written out rather than read from the code under test.</summary>
    private static readonly HashSet<(AgreementStatus From, AgreementStatus To)> Allowed =
    [
        (AgreementStatus.Proposed, AgreementStatus.Agreed),
        (AgreementStatus.Proposed, AgreementStatus.Stalled),
        (AgreementStatus.Proposed, AgreementStatus.Collapsed),
        (AgreementStatus.Agreed, AgreementStatus.InImplementation),
        (AgreementStatus.Agreed, AgreementStatus.Implemented),
        (AgreementStatus.Agreed, AgreementStatus.Stalled),
        (AgreementStatus.Agreed, AgreementStatus.Collapsed),
        (AgreementStatus.InImplementation, AgreementStatus.Implemented),
        (AgreementStatus.InImplementation, AgreementStatus.Stalled),
        (AgreementStatus.InImplementation, AgreementStatus.Collapsed),
        (AgreementStatus.Stalled, AgreementStatus.Agreed),
        (AgreementStatus.Stalled, AgreementStatus.InImplementation),
        (AgreementStatus.Stalled, AgreementStatus.Collapsed),
    ];

    private readonly HttpClient _client = factory.CreateClient(ApiKeyRole.Analyst);

    public static TheoryData<AgreementStatus, AgreementStatus> EveryPair()
    {
        var pairs = new TheoryData<AgreementStatus, AgreementStatus>();
        foreach (var from in Enum.GetValues<AgreementStatus>())
        {
            foreach (var to in Enum.GetValues<AgreementStatus>())
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Fact]
    public void EveryStatusThatIsNotFinalHasSomewhereToGo()
    {
        var final = new[] { AgreementStatus.Implemented, AgreementStatus.Collapsed };
        Assert.All(Enum.GetValues<AgreementStatus>().Except(final), from => Assert.Contains(Allowed, m => m.From == from));
        Assert.All(final, from => Assert.DoesNotContain(Allowed, m => m.From == from));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task PatchingTheStatusFollowsTheLifecycle(AgreementStatus from, AgreementStatus to)
    {
        var url = await CreateAsync(from);

        using var response = await _client.PatchCurrentAsync(url, $$"""{ "status": "{{Name(to)}}" }""");

        if (from == to)
        {
            var same = await response.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(Name(from), same.Text("status"));
        }
        else if (Allowed.Contains((from, to)))
        {
            var moved = await response.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(Name(to), moved.Text("status"));
            Assert.Equal(2, moved.GetProperty("version").GetInt64());
        }
        else
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(Explanation(from, to), problem.Text("detail"));
            await AssertUnmovedAsync(url, from);
        }

        var stored = await _client.GetJsonAsync(url);
        Assert.Equal(Name(Allowed.Contains((from, to)) ? to : from), stored.Text("status"));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task AnEventsStatusAfterFollowsTheLifecycle(AgreementStatus from, AgreementStatus to)
    {
        var url = await CreateAsync(from);
        var id = url[(Url.Length + 1)..];

        using var response = await _client.PostJsonAsync($"{url}/events", Event("2025-06-01", 10, Name(to)));

        if (from == to || Allowed.Contains((from, to)))
        {
            var recorded = await response.ReadJsonAsync(HttpStatusCode.Created);
            Assert.Equal(Name(to), recorded.Text("statusAfter"));
            var stored = await _client.GetJsonAsync(url);
            Assert.Equal(Name(to), stored.Text("status"));
            Assert.Equal(from == to ? 1 : 2, stored.GetProperty("version").GetInt64());
            Assert.Equal(1, await factory.InDatabaseAsync(db => db.AgreementEvents.CountAsync(e => e.AgreementId == id)));
        }
        else
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(Explanation(from, to), problem.Text("detail"));
            await AssertUnmovedAsync(url, from);
            Assert.False(await factory.InDatabaseAsync(db => db.AgreementEvents.AnyAsync(e => e.AgreementId == id)), "A refused event was recorded.");
        }
    }

    private async Task AssertUnmovedAsync(string url, AgreementStatus from)
    {
        var stored = await _client.GetJsonAsync(url);
        Assert.Equal(Name(from), stored.Text("status"));
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    private static string Name(AgreementStatus status) => EnumText<AgreementStatus>.Name(status);

    /// <summary>A refusal tells the analyst where the agreement may go instead, or that it can go nowhere.</summary>
    private static string Explanation(AgreementStatus from, AgreementStatus to)
    {
        var targets = Allowed.Where(m => m.From == from).Select(m => m.To).Order().Select(Name).ToList();
        return targets.Count == 0
            ? $"An agreement that is {Name(from)} cannot change status (asked for {Name(to)})."
            : $"An agreement that is {Name(from)} can move to {string.Join(", ", targets)}, not {Name(to)}.";
    }

    private async Task<string> CreateAsync(AgreementStatus status)
    {
        var created = await _client.CreateAsync(Url, Agreement(Unique("Lifecycle deal"), "istanbul-2025-05-16", Name(status)));
        Assert.Equal(Name(status), created.Text("status"));
        return $"{Url}/{created.Text("id")}";
    }
}
