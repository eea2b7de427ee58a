using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
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

    private const string RowsSchema = "CsvRows";

    /// <summary>
    /// Every list's CSV answer is the same kind of text, so its schema is declared once, as <c>CsvRows</c>, and each
    /// list refers to it.
    /// </summary>
    public static OpenApiMediaType Content(OperationFilterContext context)
    {
        if (!context.SchemaRepository.Schemas.ContainsKey(RowsSchema))
        {
            context.SchemaRepository.AddDefinition(RowsSchema, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "With format=csv or Accept: text/csv: a header row of property names, then one row per item (RFC 4180).",

                // The whole list, every page: as long as the list makes it, so the bound is only the one a string has.
                MaxLength = int.MaxValue,
            });
        }

        return new OpenApiMediaType { Schema = new OpenApiSchemaReference(RowsSchema, context.Document) };
    }
}
