using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Hosting.OpenApiParts;

/// <summary>
/// Says once what many operations share. Every answer carries the same rate-limit and CORS headers and most errors
/// are the same problem; written out in each of 160 answers they made a 950 KB document and 11,000 lines of generated
/// types. Runs last: each header that is the same wherever it appears becomes <c>components.headers</c>, and each
/// answer, parameter and request body that more than one operation gives or takes alike becomes
/// <c>components.responses</c>, <c>parameters</c> or <c>requestBodies</c>, referred to by <c>$ref</c>.
/// </summary>
internal sealed partial class SharedResponseParts : IDocumentFilter
{
    private static readonly ConditionalWeakTable<OpenApiResponse, string> Names = [];

    /// <summary>
    /// The component name for an answer a filter writes; without one, the name is the status's reason phrase
    /// ("NotFound"). Answers that share a status but not a meaning each need their own.
    /// </summary>
    public static OpenApiResponse Named(string name, OpenApiResponse response)
    {
        Names.AddOrUpdate(response, name);
        return response;
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var answers = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Responses ?? [])
            .ToList();
        ShareHeaders(document, answers.Select(a => a.Value).OfType<OpenApiResponse>().ToList());
        ShareResponses(document);
        ShareParameters(document);
        ShareRequestBodies(document);
    }

    /// <summary>
    /// A body that a create and a replace both take (a <c>PartyRequest</c>) is declared once, under its schema's name;
    /// one without a named schema, like every merge patch, under its first media type's ("MergePatch").
    /// </summary>
    private static void ShareRequestBodies(OpenApiDocument document)
    {
        var uses = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .Where(operation => operation.RequestBody is OpenApiRequestBody { Content.Count: > 0 })
            .ToList();
        var taken = new HashSet<string>(document.Components?.RequestBodies?.Keys ?? [], StringComparer.Ordinal);
        foreach (var group in uses.GroupBy(operation => Json(operation.RequestBody!)).Where(g => g.Count() > 1))
        {
            var body = group.First().RequestBody!;
            var (mediaType, media) = body.Content!.First();
            var name = media.Schema is OpenApiSchemaReference { Reference.Id: { } id } ? id : MediaTypeName(mediaType);
            if (!taken.Add(name))
            {
                continue;
            }

            document.AddComponent(name, body);
            foreach (var operation in group)
            {
                operation.RequestBody = new OpenApiRequestBodyReference(name, document);
            }
        }
    }

    /// <summary>
    /// A parameter several operations take alike (a path's <c>id</c>, <c>limit</c>, <c>If-Match</c>) is named by
    /// its own name; a second variant under the same name gets a number, the commonest keeping the plain name.
    /// </summary>
    private static void ShareParameters(OpenApiDocument document)
    {
        var uses = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => (operation.Parameters ?? []).Select((parameter, index) => (operation, index, parameter)))
            .Where(u => u.parameter is OpenApiParameter { Name: not null } p && ComponentName().IsMatch(p.Name))
            .ToList();
        var taken = new HashSet<string>(document.Components?.Parameters?.Keys ?? [], StringComparer.Ordinal);
        var groups = uses.GroupBy(u => Json(u.parameter)).Where(g => g.Count() > 1).OrderByDescending(g => g.Count());
        foreach (var group in groups)
        {
            var given = group.First().parameter.Name!;
            var name = given;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = given + n.ToString(CultureInfo.InvariantCulture);
            }

            document.AddComponent(name, group.First().parameter);
            foreach (var (operation, index, _) in group)
            {
                operation.Parameters![index] = new OpenApiParameterReference(name, document);
            }
        }
    }

    private static void ShareHeaders(OpenApiDocument document, List<OpenApiResponse> responses)
    {
        var byName = responses
            .SelectMany(r => r.Headers ?? new Dictionary<string, IOpenApiHeader>())
            .Where(h => h.Value is OpenApiHeader)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var group in byName)
        {
            // A header described differently in different answers keeps its descriptions where they are.
            if (group.Select(h => Json(h.Value)).Distinct(StringComparer.Ordinal).Count() != 1 || !ComponentName().IsMatch(group.Key))
            {
                continue;
            }

            document.AddComponent(group.Key, group.First().Value);
            foreach (var response in responses)
            {
                var present = response.Headers?.Keys.FirstOrDefault(k => string.Equals(k, group.Key, StringComparison.OrdinalIgnoreCase));
                if (present is not null)
                {
                    response.Headers![present] = new OpenApiHeaderReference(group.Key, document);
                }
            }
        }
    }

    private static void ShareResponses(OpenApiDocument document)
    {
        var taken = new HashSet<string>(document.Components?.Responses?.Keys ?? [], StringComparer.Ordinal);
        var candidates = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => (operation.Responses ?? []).Select(answer => (operation, answer.Key, answer.Value)))
            .Where(a => a.Value is OpenApiResponse && int.TryParse(a.Key, CultureInfo.InvariantCulture, out _))
            .ToList();
        foreach (var group in candidates.GroupBy(a => (a.Key, Json: Json(a.Value))).Where(g => g.Count() > 1))
        {
            var response = (OpenApiResponse)group.First().Value;
            var given = group.Select(a => Names.TryGetValue((OpenApiResponse)a.Value, out var n) ? n : null).FirstOrDefault(n => n is not null)
                ?? (group.Key.Key.StartsWith('2') ? BodyName(response) : null) ?? ReasonName(group.Key.Key);
            var name = given;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = given + n.ToString(CultureInfo.InvariantCulture);
            }

            document.AddComponent(name, response);
            foreach (var (operation, status, _) in group)
            {
                operation.Responses![status] = new OpenApiResponseReference(name, document);
            }
        }
    }

    /// <summary>A success that carries a record is named for it: GET, PUT and PATCH of a party answer "PartyResponse".</summary>
    private static string? BodyName(OpenApiResponse response) =>
        response.Content is { Count: > 0 } content && content.Values.First().Schema is OpenApiSchemaReference { Reference.Id: { } id } ? id : null;

    /// <summary>"application/merge-patch+json" → "MergePatch".</summary>
    private static string MediaTypeName(string mediaType) =>
        string.Concat(mediaType.Split('/').Last().Split('+')[0].Split('-', '.').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static string ReasonName(string status) =>
        ReasonPhrases.GetReasonPhrase(int.Parse(status, CultureInfo.InvariantCulture))
            .Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static string Json(IOpenApiSerializable element)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        element.SerializeAsV3(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true }));
        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ComponentName();
}
