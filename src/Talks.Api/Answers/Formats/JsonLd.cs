using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Talks.Api.Answers.Formats;

/// <summary>
/// Linked data in the schema.org vocabulary, for search engines and knowledge graphs: a talk is an <c>EventSeries</c>
/// and each round an <c>Event</c> in it. Asked for with <c>Accept: application/ld+json</c> on a talk or a round.
/// </summary>
public static class JsonLd
{
    public const string MediaType = "application/ld+json";
    public const string Context = "https://schema.org";

    /// <summary>True when the client ranks JSON-LD at least as high as plain JSON (and above zero).</summary>
    public static bool Wanted(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var linked = Quality(MediaType);
        return linked > 0 && linked >= Quality("application/json");
    }

    /// <summary>The absolute address of an API path, which is also the record's identity in the graph.</summary>
    public static string Address(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public static JsonHttpResult<T> Answer<T>(T document) => TypedResults.Json(document, contentType: MediaType);

    /// <summary>Documents the linked-data answer beside the JSON one, under the same 200.</summary>
    public static RouteHandlerBuilder AnswersLinkedData<T>(this RouteHandlerBuilder builder, T example) =>
        builder.AnswersAlso(MediaType, example);
}
