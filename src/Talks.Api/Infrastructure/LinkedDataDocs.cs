using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Talks.Api.Infrastructure;

/// <summary>Marks a read that also answers schema.org JSON-LD, and with which shape.</summary>
public sealed record LinkedDataAnswer(Type Shape);

/// <summary>Puts the JSON-LD answer beside the JSON one under the operation's 200, so a client sees both.</summary>
internal sealed class LinkedDataDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var answer = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<LinkedDataAnswer>().FirstOrDefault();
        if (answer is null || operation.Responses?.TryGetValue("200", out var found) is not true || found is not OpenApiResponse ok)
        {
            return;
        }

        ok.Content ??= new Dictionary<string, IOpenApiMediaType>();
        ok.Content[JsonLd.MediaType] = new OpenApiMediaType
        {
            Schema = context.SchemaGenerator.GenerateSchema(answer.Shape, context.SchemaRepository),
        };
    }
}
