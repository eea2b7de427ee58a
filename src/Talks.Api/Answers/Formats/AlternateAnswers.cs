using Talks.Api.Lists;

namespace Talks.Api.Answers.Formats;

/// <summary>
/// Marks a read that also answers in another media type, and with which shape: schema.org JSON-LD for a talk or a
/// round, GeoJSON for a list of rounds.
/// </summary>
public sealed record AlternateAnswer(string MediaType, Type Shape, object? Example = null);

public static class AlternateAnswers
{
    /// <summary>Documents <paramref name="mediaType"/> beside JSON under the same 200.</summary>
    public static RouteHandlerBuilder AnswersAlso<T>(this RouteHandlerBuilder builder, string mediaType, T? example = default) =>
        builder.WithMetadata(new AlternateAnswer(mediaType, typeof(T), example));

    /// <summary>A list that also answers in <paramref name="format"/>, like <paramref name="example"/>.</summary>
    public static RouteHandlerBuilder AnswersFormat<T>(this RouteHandlerBuilder builder, ListFormat format, T example) =>
        builder.AnswersAlso(format.MediaType, example).WithMetadata(format);

    /// <summary>True when the request asks a list for the format, by name (<c>format=</c>) or by media type (<c>Accept</c>).</summary>
    public static bool Asks(HttpRequest request, ListFormat format) =>
        string.Equals(request.Query["format"], format.Name, StringComparison.OrdinalIgnoreCase)
        || (!request.Query.ContainsKey("format")
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(format.MediaType, StringComparison.OrdinalIgnoreCase)));
}
