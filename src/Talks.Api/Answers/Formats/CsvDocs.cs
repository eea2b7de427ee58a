using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Talks.Api.Lists;

namespace Talks.Api.Answers.Formats;

/// <summary>How the OpenAPI document describes <see cref="CsvLists"/> and a list's other formats.</summary>
public static class CsvDocs
{
    public static OpenApiParameter FormatParameter(IReadOnlyList<ListFormat> formats) => new()
    {
        Name = "format",
        In = ParameterLocation.Query,
        Description = "'csv' answers with the whole list as CSV (every page, same filters and sort), as Accept: text/csv does."
            + string.Concat(formats.Select(f => $" '{f.Name}' answers the page as {f.MediaType}.")),
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. formats.Select(f => f.Name).Prepend("csv").Select(n => (JsonNode)JsonValue.Create(n))],
        },
    };

    public static OpenApiMediaType Content() => new()
    {
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "With format=csv or Accept: text/csv: a header row of property names, then one row per item (RFC 4180).",
        },
    };
}
