using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Answers.Embedding;

/// <summary>
/// Documents what <c>include=</c> adds to each record an endpoint answers with (<see cref="Includes.Embeds"/>): an
/// optional property per include, holding the embedded record or list. Without it the records' schemas, which allow
/// no other properties, would call every answer to include= invalid.
/// </summary>
internal sealed class EmbedDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var embedded = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Embedded>().FirstOrDefault();
        if (embedded is null || operation.Responses?.TryGetValue("200", out var found) != true
            || found is not OpenApiResponse { Content: { } content } || !content.TryGetValue("application/json", out var json)
            || Named(json.Schema, context.SchemaRepository) is not { } answer)
        {
            return;
        }

        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => p.In == ParameterLocation.Query && p.Name == "include"))
        {
            // Lists take include= as a field of their query record; a single record's read declares it here.
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "include",
                In = ParameterLocation.Query,
                Description = $"Embed related records: comma-separated, of {string.Join(", ", embedded.Includes.Select(i => i.Name))}.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
            });
        }

        // A list embeds into each of its items; a single record into itself.
        var record = answer.Properties?.TryGetValue("items", out var items) == true && items is OpenApiSchema { Items: { } item }
            ? Named(item, context.SchemaRepository) ?? answer
            : answer;
        record.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var include in embedded.Includes)
        {
            var shape = context.SchemaGenerator.GenerateSchema(include.Shape, context.SchemaRepository);
            record.Properties.TryAdd(include.Name, include.Single
                ? new OpenApiSchema { AllOf = [shape], Description = $"With include={include.Name}." }
                : new OpenApiSchema { Type = JsonSchemaType.Array, Items = shape, Description = $"With include={include.Name}." });
        }
    }

    private static OpenApiSchema? Named(IOpenApiSchema? schema, SchemaRepository repository) => schema switch
    {
        OpenApiSchemaReference { Reference.Id: { } id } when repository.Schemas.TryGetValue(id, out var named) => named as OpenApiSchema,
        OpenApiSchema inline => inline,
        _ => null,
    };
}
