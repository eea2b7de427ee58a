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
}
