using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>The request shapes the API's write rules call for: read an ETag, send it back in If-Match.</summary>
public static class Http
{
    public const string MergePatch = "application/merge-patch+json";

    public static StringContent Json(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    public static StringContent Json(JsonNode body, string mediaType = "application/json") =>
        Json(body.ToJsonString(), mediaType);

    /// <summary>GETs <paramref name="url"/>, insisting on a 200 with an ETag; returns the body and the ETag.</summary>
    public static async Task<(JsonElement Body, string ETag)> GetWithETagAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        var etag = response.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), $"GET {url} answered without an ETag.");
        return (body, etag!);
    }

    /// <summary>
    /// A read's ETag is strong and starts with the record's version ("2-…"): If-Match compares the version, while the
    /// rest changes with anything the answer embeds from other records.
    /// </summary>
    public static void AssertETagOfVersion(long version, string? etag)
    {
        Assert.NotNull(etag);
        Assert.StartsWith($"\"{version}-", etag);
        Assert.EndsWith("\"", etag);
    }

    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, HttpContent? content = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, JsonNode body, string? ifMatch) =>
        client.SendAsync(HttpMethod.Put, url, Json(body), ifMatch);

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, string mergePatch, string? ifMatch) =>
        client.SendAsync(HttpMethod.Patch, url, Json(mergePatch, MergePatch), ifMatch);

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, string? ifMatch) =>
        client.SendAsync(HttpMethod.Delete, url, ifMatch: ifMatch);

    /// <summary>Reads the current ETag, then PUTs <paramref name="body"/> with it, as a careful client does.</summary>
    public static async Task<HttpResponseMessage> PutCurrentAsync(this HttpClient client, string url, JsonNode body)
    {
        var (_, etag) = await client.GetWithETagAsync(url);
        return await client.PutAsync(url, body, etag);
    }

    public static async Task<HttpResponseMessage> PatchCurrentAsync(this HttpClient client, string url, string mergePatch)
    {
        var (_, etag) = await client.GetWithETagAsync(url);
        return await client.PatchAsync(url, mergePatch, etag);
    }

    public static async Task<HttpResponseMessage> DeleteCurrentAsync(this HttpClient client, string url)
    {
        var (_, etag) = await client.GetWithETagAsync(url);
        return await client.DeleteAsync(url, etag);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, Json(body));

    /// <summary>Asserts the status (showing the body when it is wrong) and parses the JSON answer.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Creates a record and returns what the API answered, failing unless it was a 201.</summary>
    public static async Task<JsonElement> CreateAsync(this HttpClient client, string collectionUrl, JsonNode body)
    {
        using var response = await client.PostJsonAsync(collectionUrl, body);
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static string? Link(this HttpResponseMessage response, string rel)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values.SelectMany(v => v.Split(',')))
        {
            var parts = value.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Skip(1).Any(p => p == $"rel=\"{rel}\"" || p == $"rel={rel}"))
            {
                return parts[0].Trim('<', '>');
            }
        }

        return null;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }
}
