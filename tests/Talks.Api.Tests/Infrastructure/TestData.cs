using System.Text.Json.Nodes;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>Request bodies the tests build on, each with names no other test uses.</summary>
public static class TestData
{
    /// <summary>The article every seeded fact rests on; a real source for records the tests create.</summary>
    public const string ArticleSource = "article-istanbul-talks-2025";

    /// <summary>
    /// Words in a name stay words in the id made from it ("Free State 3f2a1b" → "free-state-3f2a1b"), so a test can
    /// predict the id while never colliding with another test in the same database.
    /// </summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The id the API makes from a name built by <see cref="Unique"/>.</summary>
    public static string IdFrom(string uniqueName) => uniqueName.ToLowerInvariant().Replace(' ', '-');

    public static JsonObject Party(string name, string kind = "state", string? countryCode = null, string? id = null, string? notes = null)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["kind"] = kind,
            ["countryCode"] = countryCode,
            ["notes"] = notes,
            ["sourceIds"] = new JsonArray(ArticleSource),
        };
        if (id is not null)
        {
            body["id"] = id;
        }

        return body;
    }

    public static JsonObject Talk(string title, string? summary = null) => new()
    {
        ["title"] = title,
        ["summary"] = summary,
        ["sourceIds"] = new JsonArray(ArticleSource),
    };

    /// <summary>A round between Ukraine and Russia unless other participants are given; ids come from city and date.</summary>
    public static JsonObject Round(string city, string date, JsonArray? participants = null, JsonArray? delegates = null) => new()
    {
        ["date"] = date,
        ["city"] = city,
        ["countryCode"] = "TR",
        ["venue"] = "A conference hall",
        ["participants"] = participants ?? new JsonArray(Participant("ukraine", "negotiating-party"), Participant("russia", "negotiating-party")),
        ["delegates"] = delegates ?? new JsonArray(),
        ["sourceIds"] = new JsonArray(ArticleSource),
    };

    public static JsonObject Participant(string partyId, string role, string? notes = null) => new()
    {
        ["partyId"] = partyId,
        ["role"] = role,
        ["notes"] = notes,
    };

    public static JsonObject Delegate(string personId, string partyId, string role) => new()
    {
        ["personId"] = personId,
        ["partyId"] = partyId,
        ["role"] = role,
        ["notes"] = null,
    };

    public static JsonObject Person(string name, string? partyId = null, string? office = null) => new()
    {
        ["name"] = name,
        ["office"] = office,
        ["partyId"] = partyId,
        ["notes"] = null,
        ["sourceIds"] = new JsonArray(ArticleSource),
    };

    public static JsonObject Position(string roundId, string partyId, string topic, string kind, string? answersId = null, string? voicedById = null) => new()
    {
        ["roundId"] = roundId,
        ["partyId"] = partyId,
        ["topic"] = topic,
        ["kind"] = kind,
        ["summary"] = $"A {kind} on {topic}.",
        ["quote"] = null,
        ["voicedById"] = voicedById,
        ["answersId"] = answersId,
        ["sourceIds"] = new JsonArray(ArticleSource),
    };

    public static JsonObject Statement(string quote, string? speakerPersonId, string? speakerPartyId, string? roundId = null) => new()
    {
        ["speakerPersonId"] = speakerPersonId,
        ["speakerPartyId"] = speakerPartyId,
        ["quote"] = quote,
        ["wording"] = "verbatim",
        ["saidOn"] = null,
        ["context"] = null,
        ["roundId"] = roundId,
        ["sourceIds"] = new JsonArray(ArticleSource),
    };

    /// <summary>A prisoner exchange between Ukraine and Russia, the shape of the article's agreement.</summary>
    public static JsonObject Agreement(string title, string roundId, string status = "agreed") => new()
    {
        ["roundId"] = roundId,
        ["title"] = title,
        ["type"] = "prisoner-exchange",
        ["status"] = status,
        ["summary"] = "Each side returns prisoners of war to the other.",
        ["agreedOn"] = "2025-05-16",
        ["implementationDate"] = null,
        ["implementationDateNote"] = null,
        ["obligations"] = new JsonArray(
            Obligation("ukraine", 10, "russia"),
            Obligation("russia", 10, "ukraine")),
        ["sourceIds"] = new JsonArray(ArticleSource),
    };

    public static JsonObject Obligation(string partyId, int? quantity, string? beneficiaryPartyId) => new()
    {
        ["partyId"] = partyId,
        ["description"] = $"Return {quantity} prisoners of war.",
        ["quantity"] = quantity,
        ["unit"] = quantity is null ? null : "prisoners-of-war",
        ["beneficiaryPartyId"] = beneficiaryPartyId,
    };

    /// <summary>A topic for the vocabulary (an admin's write); its id is made from the label.</summary>
    public static JsonObject Topic(string label, string? parentId = null, params string[] aliases) => new()
    {
        ["label"] = label,
        ["description"] = null,
        ["parentId"] = parentId,
        ["paxCode"] = null,
        ["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]),
    };

    public static JsonObject Source(string title, string kind = "article", string? url = null) => new()
    {
        ["title"] = title,
        ["kind"] = kind,
        ["publisher"] = null,
        ["publishedOn"] = null,
        ["url"] = url,
        ["notes"] = null,
    };
}
