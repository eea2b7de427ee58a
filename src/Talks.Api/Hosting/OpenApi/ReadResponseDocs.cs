using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Talks.Api.Reading;

namespace Talks.Api.Hosting.OpenApi;

/// <summary>
/// Documents what <see cref="ReadResponses"/> adds to every read it shapes — <c>fields=</c>, ETag, If-None-Match → 304,
/// and for lists the Link header and CSV — on exactly the operations it shapes, by asking it the same question.
/// </summary>
internal sealed class ReadResponseDocs : IOperationFilter
{
    private const int MaxHeaderLength = 1000;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (!ReadResponses.Shapes(description.HttpMethod ?? "", "/" + description.RelativePath, metadata))
        {
            return;
        }

        var list = ReadResponses.IsList(metadata);
        // fields= selects from JSON; an answer in another format only (an iCalendar feed) ignores it.
        var json = description.SupportedResponseTypes.Where(r => r.StatusCode == StatusCodes.Status200OK)
            .SelectMany(r => r.ApiResponseFormats).Any(f => f.MediaType.Contains("json", StringComparison.OrdinalIgnoreCase));
        operation.Parameters ??= [];
        if (json)
        {
            AddFields(operation, list);
        }

        AddRest(operation, context, list, json);
    }

    private static void AddFields(OpenApiOperation operation, bool list) =>
        AddParameter(operation, new OpenApiParameter
        {
            Name = "fields",
            In = ParameterLocation.Query,
            Description = (list ? "Keep only these properties of each item" : "Keep only these properties") +
                ": comma-separated names, 1 to 50 (id is always kept). A name the answer does not have is a 400 listing those it has.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 2000 },
        });

    private static void AddRest(OpenApiOperation operation, OperationFilterContext context, bool list, bool json)
    {
        if (list)
        {
            var formats = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ListFormat>().ToList();
            AddParameter(operation, new OpenApiParameter
            {
                Name = "format",
                In = ParameterLocation.Query,
                Description = "'csv' answers with the whole list as CSV (every page, same filters and sort), as Accept: text/csv does."
                    + string.Concat(formats.Select(f => $" '{f.Name}' answers the page as {f.MediaType}.")),
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. formats.Select(f => f.Name).Prepend("csv").Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n))],
                },
            });
        }

        AddParameter(operation, new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of an earlier answer to the same request: while the answer is unchanged, a bodiless 304 comes back instead.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = MaxHeaderLength },
        });

        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("200", out var found) && found is OpenApiResponse ok)
        {
            ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ok.Headers.TryAdd("ETag", ETagHeader());
            if (list)
            {
                ok.Headers.TryAdd("Link", new OpenApiHeader
                {
                    Description = "<URL of the next page>; rel=\"next\" — the same list from nextCursor, while there is a next page.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 4000 },
                });
                ok.Content ??= new Dictionary<string, IOpenApiMediaType>();
                ok.Content.TryAdd("text/csv", new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "With format=csv or Accept: text/csv: a header row of property names, then one row per item (RFC 4180).",
                    },
                });
            }
        }

        operation.Responses.TryAdd("304", NotModified());
        if (json && !operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = SharedResponseParts.Named("UnknownFields", new OpenApiResponse
            {
                Description = "fields names a property the answer does not have, or too many.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails), context.SchemaRepository),
                    },
                },
            });
        }
    }

    /// <summary>The 304 every revalidated read answers; the same everywhere, so the document says it once.</summary>
    internal static OpenApiResponse NotModified() => new()
    {
        Description = "Not Modified: If-None-Match names the current ETag; no body.",
        Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = ETagHeader() },
    };

    internal static OpenApiHeader ETagHeader() => new()
    {
        Description = "Strong ETag of this answer; send it in If-None-Match to revalidate, or in If-Match to update the record.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxHeaderLength },
    };

    private static void AddParameter(OpenApiOperation operation, OpenApiParameter parameter)
    {
        if (!operation.Parameters!.Any(p => p.In == parameter.In && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters!.Add(parameter);
        }
    }
}
