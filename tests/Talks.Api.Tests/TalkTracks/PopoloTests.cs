using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Talks.Api.Tests.Infrastructure;

namespace Talks.Api.Tests.TalkTracks;

/// <summary>
/// A talk in the Popolo standard, as other open-data tools read people, organisations and meetings: checked against
/// the rules of the Popolo schemas (required fields, date patterns, links to sources, ids that resolve) and for the
/// facts a reader of the article expects to find.
/// </summary>
public sealed partial class PopoloTests(TalksApiFactory factory) : IClassFixture<TalksApiFactory>
{
    private const string Url = "/api/v1/talks/russia-ukraine-direct-talks/popolo";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheDocumentKeepsThePopoloSchemasRules()
    {
        var document = await _client.GetJsonAsync(Url);

        var persons = Ids(document, "persons");
        var organizations = Ids(document, "organizations");
        var posts = Ids(document, "posts");
        var events = Ids(document, "events");
        foreach (var person in document.GetProperty("persons").EnumerateArray())
        {
            Required(person, "name");
            Sources(person);
        }

        foreach (var organization in document.GetProperty("organizations").EnumerateArray())
        {
            Required(organization, "name");
            RefersTo(organization, "parent_id", organizations);
            Sources(organization);
        }

        foreach (var post in document.GetProperty("posts").EnumerateArray())
        {
            Required(post, "id", "label", "role", "organization_id");
            RefersTo(post, "organization_id", organizations);
        }

        foreach (var membership in document.GetProperty("memberships").EnumerateArray())
        {
            Required(membership, "id", "organization_id");
            RefersTo(membership, "organization_id", organizations);
            RefersTo(membership, "person_id", persons);
            RefersTo(membership, "post_id", posts);
            RefersTo(membership, "on_behalf_of_id", organizations);
            Dated(membership, MembershipDate(), "start_date", "end_date");
            Sources(membership);
        }

        foreach (var happening in document.GetProperty("events").EnumerateArray())
        {
            Dated(happening, EventDate(), "start_date", "end_date");
            RefersTo(happening, "parent_id", events);
            Sources(happening);
        }

        foreach (var speech in document.GetProperty("speeches").EnumerateArray())
        {
            RefersTo(speech, "creator_id", persons);
            RefersTo(speech, "event_id", events);
            Sources(speech);
        }
    }

    [Fact]
    public async Task UmerovHeadsUkrainesDelegationAtTheMay2025RoundAsDefenceMinister()
    {
        var document = await _client.GetJsonAsync(Url);

        var memberships = document.GetProperty("memberships").EnumerateArray().Where(m => m.Text("person_id") == "rustem-umerov").ToList();
        var seat = Assert.Single(memberships, m => m.Text("start_date") == "2025-05-16" && m.IsNull("post_id"));
        Assert.Equal(("head", "ukraine"), (seat.Text("role"), seat.Text("on_behalf_of_id")));
        var delegation = document.GetProperty("organizations").WithId(seat.Text("organization_id")!);
        Assert.Equal(("delegation", "ukraine"), (delegation.Text("classification"), delegation.Text("parent_id")));
        var office = Assert.Single(memberships, m => m.Text("role") == "Minister of Defence of Ukraine");
        Assert.Equal("2023-09-06", office.Text("start_date"));
        Assert.Equal("Minister of Defence of Ukraine", document.GetProperty("posts").WithId(office.Text("post_id")!).Text("label"));

        var round = document.GetProperty("events").WithId("istanbul-2025-05-16");
        Assert.Equal(("round", "russia-ukraine-direct-talks"), (round.Text("classification"), round.Text("parent_id")));
        Assert.Equal("Dolmabahçe Palace, Istanbul", round.Text("location"));
        Assert.Contains(document.GetProperty("speeches").EnumerateArray(),
            s => s.Text("creator_id") == "serhiy-kyslytsya" && s.Text("text")!.Contains("1,000 Ukrainian families", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownTalkIsA404Problem()
    {
        using var response = await _client.GetAsync("/api/v1/talks/no-such-talks/popolo");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static HashSet<string> Ids(JsonElement document, string collection) =>
        [.. document.GetProperty(collection).EnumerateArray().Select(e => e.Text("id")!)];

    private static void Required(JsonElement item, params string[] properties)
    {
        foreach (var property in properties)
        {
            Assert.True(item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                $"'{property}' is required and must be a string: {item}");
        }
    }

    private static void RefersTo(JsonElement item, string property, HashSet<string> ids)
    {
        if (item.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            Assert.True(ids.Contains(value.GetString()!), $"'{property}' names '{value}', which is not in the document: {item}");
        }
    }

    private static void Dated(JsonElement item, Regex pattern, params string[] properties)
    {
        foreach (var property in properties)
        {
            if (item.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                Assert.Matches(pattern, value.GetString());
            }
        }
    }

    /// <summary>Popolo's link: a url (an absolute address) and a note.</summary>
    private static void Sources(JsonElement item)
    {
        var sources = item.GetProperty("sources");
        Assert.NotEmpty(sources.EnumerateArray());
        foreach (var link in sources.EnumerateArray())
        {
            // On Linux "/api/…" parses as an absolute file path; a link is an http(s) address.
            Assert.True(Uri.TryCreate(link.Text("url"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                $"A source needs an absolute http(s) url: {link}");
            Assert.Equal(JsonValueKind.String, link.GetProperty("note").ValueKind);
        }
    }

    /// <summary>The date pattern of Popolo's membership schema: a year, month or day, or a day with a UTC time.</summary>
    [GeneratedRegex("^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?Z)?)$")]
    private static partial Regex MembershipDate();

    /// <summary>The date pattern of Popolo's event schema: a year, month or day, or a day with a time and its offset.</summary>
    [GeneratedRegex("^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$")]
    private static partial Regex EventDate();
}
